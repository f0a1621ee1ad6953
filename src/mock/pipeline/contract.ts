// Stage 9, Prism: what the contract answers a request that matched an operation, before any state.
// Prism validates the request and picks the example (or the one `Prefer` asks for); classify.ts
// turns what plain Prism gets wrong into the contract's own errors.
import type { IHttpRequest } from '@stoplight/prism-http';
import { contractError } from '../../kernel/error-body.ts';
import { errorAnswer, type Answer } from '../answer.ts';
import { notFoundGeneration } from '../operations/not-found.ts';
import type { PrismAnswer } from '../prism.ts';
import type { OperationCall } from './call.ts';
import { classify } from './classify.ts';
import type { Core } from './core.ts';
import { decodablePath, readRequestBody } from './request-body.ts';
import { routeNotFound } from './route.ts';

/** The contract's answer when Prism found one: the example, and the request body it validated. */
export interface ContractOk {
  kind: 'ok';
  status: number;
  /** Prism's example: shared between calls, never to be changed. */
  body: unknown;
  /** The example's headers, without those the mock sets from state. */
  headers: Record<string, string>;
  /** The request body, valid against the operation's schema. */
  request: unknown;
  /** Whether `Prefer` chose this answer. */
  forced: boolean;
}

// The mock sets these itself, from state; an example's copy would say something untrue.
const OWN_HEADERS = /^(content-type|x-request-id|idempotent-replayed)$/i;
const NO_ROUTE = /NO_(PATH|METHOD)_MATCHED/;

/** Prism's input: the call's own copy of the headers, minus those that would steer it wrong. */
function prismInput(oc: OperationCall) {
  const headers = { ...oc.call.input.headers };
  // The mock always answers JSON: an Accept header must not steer Prism into a 406 the contract lacks.
  delete headers.accept;
  delete headers['content-length'];
  delete headers['transfer-encoding'];
  const { body, problem } = readRequestBody(oc.op, headers, oc.call.input.bytes);
  const input: IHttpRequest = {
    method: oc.op.method.toLowerCase() as IHttpRequest['method'],
    url: { path: decodablePath(oc.call.path), query: oc.queryRecord },
    headers,
    body,
  };
  return { input, headers, body, problem };
}

/** Prism's answer, asked again as if unasked when the preference names a response the contract lacks. */
async function askPrism(core: Core, oc: OperationCall, input: IHttpRequest) {
  const { prefs } = oc;
  let warning = prefs.problem;
  let result: PrismAnswer = await core.prism(input, prefs);
  const asked = prefs.code !== undefined || prefs.example !== undefined;
  if (result.kind === 'error' && asked && !NO_ROUTE.test(result.name)) {
    warning = `Prefer ignored: ${result.detail}`;
    result = await core.prism(input, {});
  }
  return { result, warning, forced: asked && !warning };
}

/** The example's headers the mock keeps, names lower-cased. */
function exampleHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {}))
    if (value !== null && value !== undefined && !OWN_HEADERS.test(name))
      out[name.toLowerCase()] = String(value);
  return out;
}

const end = (answer: Answer) => ({ kind: 'answer' as const, answer });

/** The contract's answer, or the error answer that ends the call here. */
export async function askContract(
  core: Core,
  oc: OperationCall,
): Promise<ContractOk | { kind: 'answer'; answer: Answer }> {
  const { input, headers, body, problem: bodyProblem } = prismInput(oc);
  const { result, warning, forced } = await askPrism(core, oc, input);
  if (result.kind === 'error') {
    if (NO_ROUTE.test(result.name)) return end(routeNotFound(oc.call));
    oc.call.warnings.push(result.detail);
    return end(errorAnswer(contractError('server_error', `The mock could not answer: ${result.detail}`)));
  }
  if (warning !== undefined) oc.call.warnings.push(warning);
  const seen = {
    op: oc.op,
    violations: result.violations,
    headers,
    query: oc.queryRecord,
    bytes: oc.call.input.bytes,
    bodyProblem,
    body,
    prefs: oc.prefs,
  };
  const id = oc.op.operationId;
  const error = classify(
    seen,
    core.limits,
    core.parameterNames.get(id) ?? [],
    core.refusingEmpty.get(id) ?? [],
  );
  // An id that names no generation is a 404 whatever its shape: clients treat ids as opaque.
  if (error)
    return end(
      errorAnswer(
        oc.op.operationId === 'getVideoGeneration' && error.param === 'id'
          ? notFoundGeneration(oc.params.id ?? '')
          : error,
      ),
    );
  const status =
    result.output.statusCode < 200 || result.output.statusCode > 599 ? 500 : result.output.statusCode;
  return {
    kind: 'ok',
    status,
    body: result.output.body,
    headers: exampleHeaders(result.output.headers),
    request: body,
    forced,
  };
}
