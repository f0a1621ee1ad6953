// What plain Prism gets wrong, turned into the contract's own errors: the first problem a real
// server would see, in the order it would look: credentials, body size, content type, JSON syntax and depth,
// then parameters (Prism's violations, named as the contract declares them, and one sent empty), a data-URL image over
// its limit, and the mock's own Prefer tokens.
import { isObject, type Contract, type Operation } from '../../kernel/index.ts';
import { contractError, type ContractError } from '../../kernel/error-body.ts';
import { isFailureCode } from '../../client/codes.ts';
import { declares } from '../declares.ts';
import { invalidApiKey, readAuthorization } from './caller.ts';
import { errorForViolations, type PrismViolation } from '../errors.ts';
import type { PayloadLimits } from '../payload-limits.ts';
import { MAX_BODY_DEPTH } from '../body-depth.ts';
import type { Preferences } from './preferences.ts';
import { emptyParameter, type EmptyRefused } from './empty-parameters.ts';
import type { BodyProblem } from './request-body.ts';

export const MAX_STEPS = 100;

/** What classify looks at: Prism's violations and the request as it was read. */
export interface Seen {
  op: Operation;
  violations: PrismViolation[];
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
  bytes: Uint8Array | undefined;
  bodyProblem: BodyProblem | undefined;
  body: unknown;
  prefs: Preferences;
}

/** The parameter names an operation declares (refs resolved), to name a bad one as the contract does. */
export function declaredParameterNames(contract: Contract, op: Operation): string[] {
  const item = contract.spec.paths as Record<
    string,
    Record<string, { parameters?: { $ref?: string; name?: string }[] }>
  >;
  const refs = item[op.path]?.[op.method.toLowerCase()]?.parameters ?? [];
  const components =
    (contract.spec.components as { parameters?: Record<string, { name: string }> }).parameters ?? {};
  return refs
    .map(p => (p.$ref ? components[p.$ref.split('/').pop()!]?.name : p.name))
    .filter((n): n is string => !!n);
}

/** A data: URL's decoded size, without decoding it. */
function dataUrlBytes(url: string): number {
  const payload = url.slice(url.indexOf(',') + 1).replace(/=+$/, '');
  return Math.floor((payload.length * 3) / 4);
}

/** Credentials, body size, content type, JSON syntax and depth: what a server sees before the schema. */
function httpProblem(seen: Seen, errors: PrismViolation[], limits: PayloadLimits): ContractError | undefined {
  const { op, headers } = seen;
  if (errors.some(v => v.code === 401))
    return invalidApiKey(
      readAuthorization(headers.authorization).kind === 'missing' ? 'missing' : 'malformed',
    );
  if (op.hasRequestBody && seen.bytes === undefined && declares(op, 413, 'payload_too_large'))
    return contractError('payload_too_large', `The request body is over ${limits.request} bytes.`, null, {
      max_bytes: limits.request,
    });
  if (errors.some(v => v.code === 415) || seen.bodyProblem === 'no_content_type')
    return contractError(
      'unsupported_media_type',
      `Send the body as application/json, not ${JSON.stringify(headers['content-type'] ?? 'no content type')}.`,
    );
  if (seen.bodyProblem === 'invalid_json')
    return contractError('invalid_json', 'The request body is not valid JSON.');
  if (seen.bodyProblem === 'too_deep')
    return contractError(
      'invalid_parameter',
      `The request body nests arrays and objects over ${MAX_BODY_DEPTH} levels deep.`,
    );
  return undefined;
}

/** The first data-URL image over its decoded limit. */
function imageTooLarge(seen: Seen, limits: PayloadLimits): ContractError | undefined {
  const { body, op } = seen;
  if (!isObject(body) || !Array.isArray(body.images) || !declares(op, 413, 'payload_too_large'))
    return undefined;
  const index = body.images.findIndex(
    i =>
      isObject(i) &&
      typeof i.url === 'string' &&
      i.url.startsWith('data:') &&
      dataUrlBytes(i.url) > limits.image,
  );
  if (index < 0) return undefined;
  return contractError(
    'payload_too_large',
    `Image images[${index}] is over ${limits.image} bytes decoded.`,
    `images[${index}].url`,
    {
      max_bytes: limits.image,
    },
  );
}

/** The video job tokens of Prefer: a failure code of the contract, and a step count in range. */
function preferProblem({ op, prefs }: Seen): ContractError | undefined {
  if (op.operationId !== 'createVideoGeneration') return undefined;
  if (prefs.fail !== undefined && !isFailureCode(prefs.fail))
    return contractError(
      'invalid_parameter',
      `Prefer fail=${prefs.fail} is not a video failure code of the contract.`,
      'Prefer',
    );
  const steps = prefs.steps;
  if (steps !== undefined && !(/^\d+$/.test(steps) && Number(steps) >= 1 && Number(steps) <= MAX_STEPS))
    return contractError(
      'invalid_parameter',
      `Prefer steps must be an integer from 1 to ${MAX_STEPS}.`,
      'Prefer',
    );
  return undefined;
}

/** The first problem a real server would see, or undefined when the request is fine. */
export function classify(
  seen: Seen,
  limits: PayloadLimits,
  parameterNames: readonly string[],
  refusingEmpty: readonly EmptyRefused[],
): ContractError | undefined {
  const errors = seen.violations.filter(v => v.severity === 0);
  const badRequest = seen.op.responses.find(r => r.status === 400)?.errorCodes ?? [];
  return (
    httpProblem(seen, errors, limits) ??
    errorForViolations(errors, badRequest, parameterNames) ??
    emptyParameter(refusingEmpty, seen.query, seen.headers) ??
    imageTooLarge(seen, limits) ??
    preferProblem(seen)
  );
}
