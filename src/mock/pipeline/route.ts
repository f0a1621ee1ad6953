// Stage 3, route: the contract's operation for the method and path, with its path parameters and
// the query; a method and path the contract does not have is the contract's 404.
import { matchOperation, type Contract, type Operation } from '../../kernel/index.ts';
import { contractError } from '../../kernel/error-body.ts';
import { errorAnswer, headerSafe, type Answer } from '../answer.ts';
import type { Call } from './call.ts';

export interface Route {
  op: Operation;
  params: Record<string, string>;
  query: URLSearchParams;
  queryRecord: Record<string, string | string[]>;
}

export function matchRoute(contract: Contract, call: Call): Route | undefined {
  const matched = matchOperation(contract, call.method, call.path);
  if (!matched) return undefined;
  const query = new URLSearchParams(call.search);
  const queryRecord: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    queryRecord[key] = all.length === 1 ? all[0]! : all;
  }
  return { op: matched.operation, params: matched.params, query, queryRecord };
}

/** The contract's answer to a method and path it does not have. */
export function routeNotFound(call: Pick<Call, 'method' | 'path'>): Answer {
  const message = `No route for ${call.method.toUpperCase()} ${headerSafe(call.path)}.`;
  return errorAnswer(contractError('not_found', message, null, { resource: 'route' }));
}
