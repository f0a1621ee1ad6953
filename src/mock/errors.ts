// The mapping from Prism's request violations to the error a real server would give.
import type { ErrorCode } from '../../generated/catalogue.ts';
import { contractError, type ContractError } from '../kernel/error-body.ts';

/** A request violation as Prism's validator reports it. */
export interface PrismViolation {
  path?: string[];
  code?: string | number;
  message: string;
  severity: number;
}

/** `images[0].url` style name of the parameter a violation is about. */
function paramOf(violation: PrismViolation, declaredNames: readonly string[]): string | null {
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
  declaredNames: readonly string[],
): ContractError | undefined {
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
  return contractError(code, message, param);
}
