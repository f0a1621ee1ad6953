// The request of one workflow step: the operation's method and path from the contract, its
// parameters (path, query, header; `$components.parameters` references followed) and its JSON body,
// with every runtime expression resolved.
import type { RawRequest } from '../http.ts';
import { requireOperation, type Contract } from '../../kernel/contract.ts';
import type { Arazzo, Parameter, Step } from './arazzo.ts';
import { ExpressionError, resolve, type ExpressionContext } from './expressions.ts';

function parameterOf(arazzo: Arazzo, p: Parameter): Parameter {
  if (p.reference === undefined) return p;
  const name = /^\$components\.parameters\.([\w-]+)$/.exec(p.reference)?.[1];
  const found = name === undefined ? undefined : arazzo.components?.parameters?.[name];
  if (!found) throw new ExpressionError(`${p.reference}: no such component parameter`);
  return found;
}

export function stepRequest(
  contract: Contract,
  arazzo: Arazzo,
  step: Step,
  ctx: ExpressionContext,
): RawRequest {
  const op = requireOperation(contract, step.operationId);
  let path = op.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const given of step.parameters ?? []) {
    const p = parameterOf(arazzo, given);
    const value = String(resolve(p.value, ctx));
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(value));
    else if (p.in === 'query') query.append(p.name!, value);
    else if (p.in === 'header') headers[p.name!.toLowerCase()] = value;
    else
      throw new ExpressionError(
        `step ${step.stepId}: parameter ${p.name} in ${p.in} is not sent by the suite`,
      );
  }
  const search = query.size > 0 ? `?${query}` : '';
  if (!step.requestBody) return { method: op.method, path: path + search, headers };
  headers['content-type'] = step.requestBody.contentType ?? 'application/json';
  return {
    method: op.method,
    path: path + search,
    headers,
    body: JSON.stringify(resolve(step.requestBody.payload, ctx)),
  };
}
