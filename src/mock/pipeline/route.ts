// Stage 3, route: the contract's operation for the method and path, with its path parameters and
// the query; a method and path the contract does not have is its 405 (another method) or 404.
import { allowedMethods, matchOperation, type Contract, type Operation } from '../../kernel/contract.ts';
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

/**
 * The contract's answer to a method and path no operation has: `405 method_not_allowed` with `Allow`
 * when the path takes other methods, else `404 not_found` for the route.
 */
export function routeNotAnswered(contract: Contract, call: Pick<Call, 'method' | 'path'>): Answer {
  const allow = allowedMethods(contract, call.path).join(', ');
  if (!allow) return routeNotFound(call);
  const message = `${call.method.toUpperCase()} is not allowed on ${headerSafe(call.path)}; it takes ${allow}.`;
  return errorAnswer(contractError('method_not_allowed', message), { allow });
}

/** The contract's answer to a path it does not have (and to a control route the caller may not see). */
export function routeNotFound(call: Pick<Call, 'method' | 'path'>): Answer {
  const message = `No route for ${call.method.toUpperCase()} ${headerSafe(call.path)}.`;
  return errorAnswer(contractError('not_found', message, null, { resource: 'route' }));
}
