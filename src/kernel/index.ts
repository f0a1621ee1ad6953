// The spec kernel, as `@mediagen/contract/spec`: the bundle as data (operations, responses, headers,
// examples, webhooks), JSON pointers into it, header bags read one way, and JSON itself.
export {
  readContract,
  matchOperation,
  findOperation,
  requireOperation,
  operationPointer,
  constOf,
  alternatives,
  type Contract,
  type Operation,
  type DeclaredResponse,
  type DeclaredHeader,
  type Webhook,
  type Spec,
} from './contract.ts';
export { loadSpec, loadContract, BUNDLE_PATH } from './load.ts';
export { at, follow, pointerTo, escapeToken, unescapeToken, tokensOf } from './pointer.ts';
export { lowerCaseHeaders, type HeaderBag } from './headers.ts';
export { isObject, asObject, type Json, type JsonObject } from './json.ts';
