// Error bodies of the mock, built from the generated catalogue (status, type, doc_url), and the
// mapping from Prism's request violations to the error a real server would give.
import { errorCatalogue, type ErrorCode } from '../../generated/catalogue.ts';

export interface MockError {
  status: number;
  code: ErrorCode;
  message: string;
  param: string | null;
  extras?: Record<string, unknown>;
}

export function mockError(
  code: ErrorCode,
  message: string,
  param: string | null = null,
  extras?: Record<string, unknown>,
): MockError {
  return { status: errorCatalogue[code].status, code, message, param, ...(extras ? { extras } : {}) };
}

export function errorBody(error: MockError, requestId: string) {
  const entry = errorCatalogue[error.code];
  return {
    error: {
      message: error.message,
      type: entry.type,
      code: error.code,
      param: error.param,
      doc_url: entry.docUrl,
      request_id: requestId,
      ...error.extras,
    },
  };
}

/** A request violation as Prism's validator reports it. */
export interface PrismViolation {
  path?: string[];
  code?: string | number;
  message: string;
  severity: number;
}

/** `images[0].url` style name of the parameter a violation is about. */
function paramOf(violation: PrismViolation, declaredNames: string[]): string | null {
  const [where, ...rest] = violation.path ?? [];
  const missing =
    violation.code === 'required' ? /required property '([^']+)'/.exec(violation.message)?.[1] : undefined;
  const segments = missing ? [...rest, missing] : rest;
  if (where === 'body') {
    const name = segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
    return name || null;
  }
  const first = segments[0];
  if (first === undefined) return null;
  // Prism lowercases header names; answer with the name the contract declares.
  return declaredNames.find(n => n.toLowerCase() === first.toLowerCase()) ?? first;
}

const rank = (v: PrismViolation) => (v.code === 'required' ? 0 : v.code === 'type' ? 1 : 2);

/**
 * The 400 a real server would answer for these violations: the most basic problem first (a missing
 * parameter, then a wrong type, then a bad value), narrowed to the codes the operation declares.
 */
export function errorForViolations(
  violations: PrismViolation[],
  allowed: string[],
  declaredNames: string[],
): MockError | undefined {
  const first = [...violations].sort((a, b) => rank(a) - rank(b))[0];
  if (!first) return undefined;
  const param = paramOf(first, declaredNames);
  const wanted: ErrorCode =
    first.code === 'required'
      ? 'parameter_missing'
      : first.code === 'type'
        ? 'invalid_type'
        : 'invalid_parameter';
  const code = allowed.includes(wanted)
    ? wanted
    : allowed.includes('invalid_parameter')
      ? 'invalid_parameter'
      : undefined;
  if (!code) return undefined;
  const detail = first.message.replace(
    /^Request (body|query parameter|path parameter|header)( property)? ?/,
    '',
  );
  const message =
    code === 'parameter_missing'
      ? `Missing required parameter '${param}'.`
      : param
        ? `Invalid value for '${param}': ${detail.replace(/^\S+ must/, 'must')}.`
        : `Invalid request body: ${detail}.`;
  return mockError(code, message, param);
}
