// The typed client: openapi-fetch for paths, params and bodies typed from the spec; this module adds
// authentication, a timeout per attempt, retries and errors as typed values.
import createFetchClient, { type MaybeOptionalInit, type Middleware } from 'openapi-fetch';
import type {
  HttpMethod,
  PathsWithMethod,
  RequiredKeysOf,
  SuccessResponseJSON,
} from 'openapi-typescript-helpers';
import type { paths } from '../../generated/schema.ts';
import {
  abortedError,
  apiError,
  invalidResponse,
  isEnvelope,
  localError,
  timeoutError,
  type ConnectionError,
  type InvalidResponseError,
  type MediagenError,
} from './errors.ts';
import {
  deadline,
  defaultRetryPolicy,
  retryAfterSeconds,
  retryDelay,
  sleep,
  type RetryPolicy,
} from './retry.ts';

export interface ClientOptions extends Partial<RetryPolicy> {
  /** Sent as `Authorization: Bearer <key>`. Default: env var MEDIAGEN_API_KEY (Node); none in a browser. */
  apiKey?: string;
  /** Default https://api.mediagen.example */
  baseUrl?: string;
  /** A fetch to use instead of globalThis.fetch (called with a Request). */
  fetch?: (request: Request) => Promise<Response>;
  /** Timeout of one attempt in ms, body included. Default 60000 (images take 5 to 30 s). */
  timeout?: number;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

/** Options of one call, next to openapi-fetch's `params`, `body`, `headers`, `signal`. */
export interface CallOptions {
  timeout?: number;
  maxRetries?: number;
  signal?: AbortSignal | null;
}

export type Result<T> =
  | { data: T; error?: undefined; response: Response }
  | { data?: undefined; error: MediagenError; response: Response | undefined };

type Init<P extends keyof paths, M extends HttpMethod> = NonNullable<MaybeOptionalInit<paths[P], M>> &
  CallOptions;
type Method<M extends HttpMethod> = <P extends PathsWithMethod<paths, M>>(
  path: P,
  ...init: RequiredKeysOf<Init<P, M>> extends never ? [Init<P, M>?] : [Init<P, M>]
) => Promise<Result<Data<paths[P][M]>>>;
type Data<Op> = Op extends Record<string | number, any> ? SuccessResponseJSON<Op> : never;

/** The API has GET and POST operations only. */
export interface MediagenClient {
  GET: Method<'get'>;
  POST: Method<'post'>;
  /** openapi-fetch middleware; it runs on every attempt. */
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
}

type AnyInit = CallOptions & {
  params?: { header?: Record<string, unknown> };
  headers?: unknown;
  [key: string]: unknown;
};

export function createClient(options: ClientOptions = {}): MediagenClient {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const apiKey = options.apiKey ?? env?.MEDIAGEN_API_KEY;
  const policy: RetryPolicy = { ...defaultRetryPolicy };
  for (const k of Object.keys(policy) as (keyof RetryPolicy)[]) policy[k] = options[k] ?? policy[k];
  const base = createFetchClient<paths>({
    baseUrl: options.baseUrl ?? 'https://api.mediagen.example',
    // Without a key no Authorization is sent and the API answers 401 invalid_api_key (reason "missing").
    headers: { ...options.headers, ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}) },
    // Looked up on each call, so that a fetch replaced after createClient (a test, a polyfill) is used.
    fetch: (request: Request) => (options.fetch ?? fetch)(request),
  });

  async function attempt(
    method: string,
    path: string,
    init: AnyInit,
    signal: AbortSignal | undefined,
    timeout: number,
  ) {
    // An already aborted signal aborts this one at once: fetch then sends nothing. Without a timeout
    // or a caller's signal there is nothing to abort for, and a signal costs undici ~8% per request.
    const limit = signal || timeout < Infinity ? deadline(timeout, signal) : undefined;
    try {
      // Bodies come back as text and are parsed in `classify`: with parseAs 'json', openapi-fetch
      // throws a bare SyntaxError on a 2xx body that is not JSON, and the response is lost.
      const { data, error, response } = await (
        base.request as (
          m: string,
          p: string,
          i: object,
        ) => Promise<{ data?: unknown; error?: unknown; response: Response }>
      )(method, path, { ...init, parseAs: 'text', signal: limit?.signal });
      return classify(response, data, error);
    } catch (cause) {
      const error = signal?.aborted
        ? abortedError()
        : limit?.timedOut()
          ? timeoutError(timeout)
          : connectionError(cause);
      return { error, response: undefined };
    } finally {
      limit?.clear();
    }
  }

  function classify(response: Response, data: unknown, body: unknown): Result<unknown> {
    // A 2xx body arrives as text; a non-2xx one parsed, or as text when it is not JSON.
    const invalid = (reason: InvalidResponseError['reason']) => ({
      error: invalidResponse(response, reason, apiKey),
      response,
    });
    const ok = response.ok;
    const value = ok ? data : body;
    if (value === undefined || value === '') return invalid('empty_body');
    if (!isJson(response)) return invalid('wrong_content_type');
    if (ok) {
      try {
        return { data: JSON.parse(data as string), response };
      } catch {
        return invalid('invalid_json');
      }
    }
    if (!isEnvelope(body)) return invalid(typeof body === 'string' ? 'invalid_json' : 'not_envelope');
    return { error: apiError(body.error, response, apiKey), response };
  }

  function connectionError(cause: unknown): ConnectionError {
    const detail =
      cause instanceof Error
        ? cause.message + (cause.cause instanceof Error ? `: ${cause.cause.message}` : '')
        : String(cause);
    return localError('connection', `Connection failed: ${detail}`, true, {}, apiKey);
  }

  async function call(method: string, path: string, init: AnyInit = {}): Promise<Result<unknown>> {
    const { timeout = options.timeout ?? 60_000, maxRetries = policy.maxRetries, signal, ...rest } = init;
    // One key per call, the same on every retry, so the server runs the operation at most once.
    if (method === 'post' && !hasIdempotencyKey(rest)) {
      rest.params = {
        ...rest.params,
        header: { ...rest.params?.header, 'Idempotency-Key': crypto.randomUUID() },
      };
    }
    for (let retry = 0; ; retry++) {
      const result = await attempt(method, path, rest, signal ?? undefined, timeout);
      if (!result.error?.retryable || retry >= maxRetries) return result;
      const wait = retryDelay(retry, result.response && retryAfterSeconds(result.response), policy);
      if (wait === undefined) return result;
      if (!(await sleep(wait, signal ?? undefined))) return { error: abortedError(), response: undefined };
    }
  }

  const method = (m: string) => ((path: string, init?: AnyInit) => call(m, path, init)) as never;
  return { GET: method('get'), POST: method('post'), use: base.use, eject: base.eject };
}

const isJson = (response: Response) => /[/+]json\b/i.test(response.headers.get('content-type') ?? '');

function hasIdempotencyKey(init: AnyInit): boolean {
  // A null value counts: it is the caller saying "send none".
  const has = (h: unknown) => h != null && new Headers(h as HeadersInit).has('idempotency-key');
  return has(init.params?.header) || has(init.headers);
}
