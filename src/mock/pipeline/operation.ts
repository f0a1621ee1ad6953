// Stage 10, the operation: what the account's state makes of the contract's answer. A response
// chosen with Prefer, an answer with no account, or one that is not a success stays the contract's
// example; otherwise the operation's handler (operations/table.ts) answers from state.
import { isObject } from '../../kernel/index.ts';
import type { Answer } from '../answer.ts';
import { handlerFor } from '../operations/table.ts';
import type { OperationCall } from './call.ts';
import type { ContractOk } from './contract.ts';
import type { Core } from './core.ts';

/**
 * Whether `id` has the shape of the example's id (its prefix, its length, letters and digits), so
 * that the answer holding it still matches the contract's id pattern: `y` would not.
 */
const likeExampleId = (id: string, exampleId: string) =>
  id.length === exampleId.length &&
  /^[0-9A-Za-z]+_[0-9A-Za-z]+$/.test(id) &&
  id.split('_')[0] === exampleId.split('_')[0];

/**
 * The example as Prism chose it; a forced one still describes the generation that was asked for when
 * that id could be one, else it keeps the example's own.
 */
function exampleAnswer(oc: OperationCall, given: ContractOk): Answer {
  const id = oc.params.id;
  const example = given.body;
  const body =
    given.forced && id && isObject(example) && typeof example.id === 'string' && likeExampleId(id, example.id)
      ? JSON.parse(JSON.stringify(example).replaceAll(example.id, id))
      : example;
  const { code, example: name } = oc.prefs;
  const note = given.forced ? `prefer ${code ?? ''}${name ? ' ' + name : ''}`.trim() : undefined;
  return { status: given.status, body, headers: given.headers, ...(note ? { note } : {}) };
}

export function runOperation(core: Core, oc: OperationCall, given: ContractOk): Answer {
  if (given.forced || !oc.account || given.status >= 300) return exampleAnswer(oc, given);
  const handler = handlerFor(oc.op.operationId);
  // The state's answer, not the example's: none of the headers Prism made for the example.
  if (!handler) return { status: given.status, body: given.body };
  return handler({
    core,
    op: oc.op,
    account: oc.account,
    origin: oc.call.origin,
    params: oc.params,
    query: oc.query,
    body: given.request,
    idempotencyKey: oc.call.input.headers['idempotency-key'],
    prefs: oc.prefs,
  });
}
