// What the contract answers a request that matched an operation, before any state: Prism routes,
// validates and picks the example (or the one `Prefer` asks for); `classify` turns what plain Prism
// gets wrong into the contract's own errors, in the order a real server would look.
import type { IHttpRequest } from '@stoplight/prism-http';
import { isObject, type Contract, type Operation } from '../kernel/index.ts';
import { isFailureCode } from '../client/codes.ts';
import { isJsonMediaType } from './body.ts';
import { contractError, type ContractError } from '../kernel/error-body.ts';
import { errorForViolations, type PrismViolation } from './errors.ts';
import { readPreferences, type Preferences } from './prefer.ts';
import type { AskPrism } from './prism.ts';
import type { PayloadLimits } from './payload-limits.ts';

export const MAX_STEPS = 100;

/** The request as the mock reads it. `bytes` is undefined when the body was over the request limit. */
export interface MockRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  bytes: Uint8Array | undefined;
}

export type ContractAnswer =
  | { kind: 'route_not_found' }
  | { kind: 'error'; error: ContractError; warning?: string; prefs: Preferences }
  | {
      kind: 'ok';
      status: number;
      body: unknown;
      headers: Record<string, string>;
      request: unknown;
      prefs: Preferences;
      forced: boolean;
      warning?: string;
    };

/**
 * Prism throws on a path segment that is not valid percent-encoding; such a segment is passed on
 * with its `%` taken literally, so that it fails the parameter's schema like any other bad value.
 */
function decodablePath(path: string): string {
  return path
    .split('/')
    .map(segment => {
      try {
        decodeURIComponent(segment);
        return segment;
      } catch {
        return encodeURIComponent(segment);
      }
    })
    .join('/');
}

/** Whether the operation declares this code under this status. */
export function declares(op: Operation, status: number, code: string) {
  return op.responses.some(r => r.status === status && r.errorCodes.includes(code));
}

/** Why a request has no usable key: none sent, or not as Bearer. */
function authReason(header: string | undefined): 'missing' | 'malformed' {
  return header === undefined || header.trim() === '' ? 'missing' : 'malformed';
}

/** A data: URL's decoded size, without decoding it. */
function dataUrlBytes(url: string): number {
  const comma = url.indexOf(',');
  const payload = url.slice(comma + 1).replace(/=+$/, '');
  return Math.floor((payload.length * 3) / 4);
}

/** The body as Prism should see it, and what is wrong with it at the HTTP level. */
function readRequestBody(op: Operation, headers: Record<string, string>, bytes: Uint8Array | undefined) {
  let body: unknown;
  let problem: 'invalid_json' | 'no_content_type' | undefined;
  if (!op.hasRequestBody) {
    // A body on an operation without one is ignored (Prism would answer an undeclared 415).
    delete headers['content-type'];
  } else if (bytes === undefined) {
    body = {};
  } else if (bytes.length === 0) {
    // Validated as `{}`, so that the answer names the first missing required field.
    body = {};
    headers['content-type'] = 'application/json';
    headers['content-length'] = '2';
  } else {
    headers['content-length'] = String(bytes.length);
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    if (headers['content-type'] === undefined) problem = 'no_content_type';
    if (isJsonMediaType(headers['content-type'])) {
      try {
        body = JSON.parse(text);
      } catch {
        problem = 'invalid_json';
        body = {};
      }
    } else body = text;
  }
  return { body, problem };
}

/** Prism's answer to a request, corrected to the contract's (see `classify`). */
export function createContractAnswerer(contract: Contract, askPrism: AskPrism, limits: PayloadLimits) {
  const parameterNames = new Map<string, string[]>();
  function declaredParameterNames(op: Operation): string[] {
    let names = parameterNames.get(op.operationId);
    if (!names) {
      const item = contract.spec.paths as Record<
        string,
        Record<string, { parameters?: { $ref?: string; name?: string }[] }>
      >;
      const refs = item[op.path]?.[op.method.toLowerCase()]?.parameters ?? [];
      const components =
        (contract.spec.components as { parameters?: Record<string, { name: string }> }).parameters ?? {};
      names = refs
        .map(p => (p.$ref ? components[p.$ref.split('/').pop()!]?.name : p.name))
        .filter((n): n is string => !!n);
      parameterNames.set(op.operationId, names);
    }
    return names;
  }

  /**
   * The first problem a real server would see, in the order it would look: credentials, body size,
   * content type, JSON syntax, then parameters and the mock's own Prefer tokens.
   */
  function classify(
    op: Operation,
    violations: PrismViolation[],
    headers: Record<string, string>,
    bytes: Uint8Array | undefined,
    bodyProblem: string | undefined,
    body: unknown,
    prefs: Preferences,
  ): ContractError | undefined {
    const errors = violations.filter(v => v.severity === 0);
    if (errors.some(v => v.code === 401)) {
      const reason = authReason(headers.authorization);
      return contractError(
        'invalid_api_key',
        reason === 'missing'
          ? 'Missing API key. Send it as `Authorization: Bearer <key>`.'
          : 'Malformed Authorization header: expected `Bearer <key>`.',
        null,
        { reason },
      );
    }
    if (op.hasRequestBody && bytes === undefined && declares(op, 413, 'payload_too_large')) {
      return contractError('payload_too_large', `The request body is over ${limits.request} bytes.`, null, {
        max_bytes: limits.request,
      });
    }
    if (errors.some(v => v.code === 415) || bodyProblem === 'no_content_type') {
      return contractError(
        'unsupported_media_type',
        `Send the body as application/json, not ${JSON.stringify(headers['content-type'] ?? 'no content type')}.`,
      );
    }
    if (bodyProblem === 'invalid_json')
      return contractError('invalid_json', 'The request body is not valid JSON.');
    const badRequest = op.responses.find(r => r.status === 400)?.errorCodes ?? [];
    const fromPrism = errorForViolations(errors, badRequest, declaredParameterNames(op));
    if (fromPrism) return fromPrism;
    if (isObject(body) && Array.isArray(body.images) && declares(op, 413, 'payload_too_large')) {
      const index = body.images.findIndex(
        i =>
          isObject(i) &&
          typeof i.url === 'string' &&
          i.url.startsWith('data:') &&
          dataUrlBytes(i.url) > limits.image,
      );
      if (index >= 0) {
        return contractError(
          'payload_too_large',
          `Image images[${index}] is over ${limits.image} bytes decoded.`,
          `images[${index}].url`,
          { max_bytes: limits.image },
        );
      }
    }
    if (op.operationId === 'createVideoGeneration') {
      if (prefs.fail !== undefined && !isFailureCode(prefs.fail)) {
        return contractError(
          'invalid_parameter',
          `Prefer fail=${prefs.fail} is not a video failure code of the contract.`,
          'Prefer',
        );
      }
      if (
        prefs.steps !== undefined &&
        !(/^\d+$/.test(prefs.steps) && Number(prefs.steps) >= 1 && Number(prefs.steps) <= MAX_STEPS)
      ) {
        return contractError(
          'invalid_parameter',
          `Prefer steps must be an integer from 1 to ${MAX_STEPS}.`,
          'Prefer',
        );
      }
    }
    return undefined;
  }

  /** The contract's answer to a request whose method and path matched `op`. */
  return async function answer(op: Operation, req: MockRequest): Promise<ContractAnswer> {
    const headers = { ...req.headers };
    // The mock always answers JSON: an Accept header must not steer Prism into a 406 the contract lacks.
    delete headers.accept;
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    const { body, problem: bodyProblem } = readRequestBody(op, headers, req.bytes);
    const queryRecord: Record<string, string | string[]> = {};
    for (const key of new Set(req.query.keys())) {
      const all = req.query.getAll(key);
      queryRecord[key] = all.length === 1 ? all[0]! : all;
    }
    const input: IHttpRequest = {
      method: op.method.toLowerCase() as IHttpRequest['method'],
      url: { path: decodablePath(req.path), query: queryRecord },
      headers,
      body,
    };
    const prefs = readPreferences(input);
    let warning = prefs.problem;
    let result = await askPrism(input, prefs);
    const asked = prefs.code !== undefined || prefs.example !== undefined;
    if (result.kind === 'error' && asked && !/NO_(PATH|METHOD)_MATCHED/.test(result.name)) {
      // The preference asks for a response the contract does not have: answer as if unasked, and say so.
      warning = `Prefer ignored: ${result.detail}`;
      result = await askPrism(input, {});
    }
    if (result.kind === 'error') {
      if (/NO_(PATH|METHOD)_MATCHED/.test(result.name)) return { kind: 'route_not_found' };
      return {
        kind: 'error',
        error: contractError('server_error', `The mock could not answer: ${result.detail}`),
        prefs,
        warning: result.detail,
      };
    }
    const problem = classify(op, result.violations, headers, req.bytes, bodyProblem, body, prefs);
    if (problem) return { kind: 'error', error: problem, prefs, ...(warning ? { warning } : {}) };
    const outHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(result.output.headers ?? {})) {
      // The mock sets these itself, from state; an example's copy would say something untrue.
      if (
        value !== null &&
        value !== undefined &&
        !/^(content-type|x-request-id|idempotent-replayed)$/i.test(name)
      )
        outHeaders[name.toLowerCase()] = String(value);
    }
    const status =
      result.output.statusCode < 200 || result.output.statusCode > 599 ? 500 : result.output.statusCode;
    return {
      kind: 'ok',
      status,
      body: result.output.body,
      headers: outHeaders,
      request: body,
      prefs,
      forced: asked && !warning,
      ...(warning ? { warning } : {}),
    };
  };
}

export type AnswerContract = ReturnType<typeof createContractAnswerer>;
