// A query or header parameter sent empty (`?type=`, a bare `?type`, an `Idempotency-Key:` with no
// value) carries the value "", which Prism takes for no parameter at all. Where the parameter's
// schema refuses "" (an enum without it, a minLength), the contract's 400 says so here.
import { contractError, type ContractError } from '../../kernel/error-body.ts';
import { operationPointer, type Contract, type Operation } from '../../kernel/contract.ts';
import { asObject } from '../../kernel/json.ts';
import { at, follow } from '../../kernel/pointer.ts';

export interface EmptyRefused {
  name: string;
  in: 'query' | 'header';
}

/** Whether a string schema refuses the empty string. */
function refusesEmpty(schema: Record<string, unknown>): boolean {
  if (Array.isArray(schema.enum)) return !schema.enum.includes('');
  return typeof schema.minLength === 'number' && schema.minLength >= 1;
}

/** The operation's query and header parameters whose schema refuses "". */
export function parametersRefusingEmpty(contract: Contract, op: Operation): EmptyRefused[] {
  const { spec } = contract;
  const base = `${operationPointer(op)}/parameters`;
  const list = at(spec, base);
  return (Array.isArray(list) ? list : []).flatMap((_, i) => {
    const pointer = follow(spec, `${base}/${i}`);
    const param = asObject(at(spec, pointer));
    const schema = asObject(at(spec, follow(spec, `${pointer}/schema`)));
    const where = param.in;
    return (where === 'query' || where === 'header') && refusesEmpty(schema)
      ? [{ name: String(param.name), in: where }]
      : [];
  });
}

/** The 400 for the first of `refused` that the request sends empty. */
export function emptyParameter(
  refused: readonly EmptyRefused[],
  query: Record<string, string | string[]>,
  headers: Record<string, string>,
): ContractError | undefined {
  const sent = (p: EmptyRefused) => {
    const value = p.in === 'query' ? query[p.name] : headers[p.name.toLowerCase()];
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
  };
  const empty = refused.find(p => sent(p).includes(''));
  return empty
    ? contractError('invalid_parameter', `Invalid value for '${empty.name}': must not be empty.`, empty.name)
    : undefined;
}
