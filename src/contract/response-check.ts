// One declared response's check: its headers, the content type, the body against its schema (an
// error body's code among those declared for the status), and error.request_id = X-Request-Id.
import type { DeclaredResponse } from '../kernel/contract.ts';
import { isObject } from '../kernel/json.ts';
import { explain } from './explain.ts';
import { checkHeaders, headerPlan, type HeaderPlan } from './header-check.ts';
import { headerRecord } from './header-record.ts';
import type { ObservedResponse } from './observed.ts';
import type { SchemaPlan, SchemaPlans } from './schema-plans.ts';
import { headerKind } from './violation-kind.ts';
import type { Violation } from './violations.ts';

/** What checking one declared response needs, worked out on its first check. */
export interface ResponsePlan {
  declared: DeclaredResponse;
  headers: HeaderPlan[];
  body?: SchemaPlan;
}

export const responsePlan = (plans: SchemaPlans, declared: DeclaredResponse): ResponsePlan => ({
  declared,
  headers: declared.headers.map(header => headerPlan(plans, header)),
  body: declared.schema ? plans.of(declared.schema) : undefined,
});

/** The body as JSON, or the violation that it is missing or not JSON. */
export function parseBody(body: unknown): { value?: unknown; violation?: Violation } {
  if (body === undefined || body === '')
    return {
      violation: {
        kind: 'no body',
        where: 'body',
        message: 'the response has no body, the contract declares one',
      },
    };
  if (typeof body !== 'string') return { value: body };
  try {
    return { value: JSON.parse(body) };
  } catch {
    return {
      violation: {
        kind: 'body not JSON',
        where: 'body',
        message: `not JSON: ${JSON.stringify(body.slice(0, 80))}`,
      },
    };
  }
}

/** A body's `error` object, when it is an error envelope. */
export const errorOf = (value: unknown) =>
  isObject(value) && isObject(value.error) ? value.error : undefined;

/** Every error body repeats the X-Request-Id header as error.request_id: the violation when it does not. */
export function requestIdMismatch(
  status: number,
  headers: Record<string, string>,
  error: Record<string, unknown> | undefined,
): Violation | undefined {
  const requestId = headers['x-request-id'];
  if (status < 400 || !error || requestId === undefined || error.request_id === requestId) return undefined;
  return {
    kind: 'request_id differs from X-Request-Id',
    where: 'body/error/request_id',
    message: `${JSON.stringify(error.request_id)} differs from the X-Request-Id header ${JSON.stringify(requestId)}`,
  };
}

/** The violations of `response` against a declared response (`label`: the operation, for messages). */
export function checkAgainst(
  { declared, headers: declaredHeaders, body }: ResponsePlan,
  label: string,
  response: ObservedResponse,
): Violation[] {
  const headers = headerRecord(response.headers);
  const out = checkHeaders(declaredHeaders, headers);
  if (!body) return out;
  const contentType = headers['content-type'] ?? '';
  if (contentType !== 'application/json' && !/^application\/json\s*(;|$)/i.test(contentType)) {
    out.push({
      kind: headerKind('bad header', 'Content-Type'),
      where: 'header Content-Type',
      message: `expected application/json, got ${JSON.stringify(contentType)}`,
    });
  }
  let value = response.body;
  if (typeof value === 'string' || value === undefined) {
    const parsed = parseBody(value);
    if (parsed.violation) return [...out, parsed.violation];
    value = parsed.value;
  }
  const error = errorOf(value);
  const code = error?.code;
  if (declared.errorCodes.length > 0 && typeof code === 'string' && !declared.errorCodes.includes(code)) {
    out.push({
      kind: 'code not allowed under the status',
      where: 'body/error/code',
      message: `code ${JSON.stringify(code)} is not declared for ${label} ${declared.status}; allowed: ${declared.errorCodes.join(', ')}`,
    });
  } else {
    explain(out, body, value, 'body');
  }
  const mismatch = requestIdMismatch(declared.status, headers, error);
  if (mismatch) out.push(mismatch);
  return out;
}
