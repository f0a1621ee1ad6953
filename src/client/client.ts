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
import { abortedError } from './errors.ts';
import { attempt, type Send } from './attempt.ts';
import { withDefaults } from './options.ts';
import type { Result } from './result.ts';
import { defaultRetryPolicy, retryAfterSeconds, retryDelay, sleep, type RetryPolicy } from './retry.ts';

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
  maxRetryWait?: number;
  signal?: AbortSignal | null;
}

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
  const settings = withDefaults('createClient', options, {
    apiKey: env?.MEDIAGEN_API_KEY ?? '',
    baseUrl: 'https://api.mediagen.example',
    // Looked up on each call, so that a fetch replaced after createClient (a test, a polyfill) is used.
    fetch: (request: Request) => fetch(request),
    timeout: 60_000,
    headers: {} as Record<string, string>,
    ...defaultRetryPolicy,
  });
  const { apiKey, ...policy } = settings;
  const base = createFetchClient<paths>({
    baseUrl: settings.baseUrl,
    // Without a key no Authorization is sent and the API answers 401 invalid_api_key (reason "missing").
    headers: { ...settings.headers, ...(apiKey && { Authorization: `Bearer ${apiKey}` }) },
    fetch: settings.fetch,
  });
  // A call's own options over the client's, checked alike: the names openapi-fetch also takes per call
  // (headers, fetch, baseUrl) too. What is not ours goes on to openapi-fetch.
  const callDefaults = { ...settings, signal: null as AbortSignal | null | undefined };

  async function call(method: string, path: string, init: AnyInit = {}): Promise<Result<unknown>> {
    const own = withDefaults(method, init, callDefaults);
    // Our options stay here; the rest (params, body, headers, RequestInit) goes to openapi-fetch.
    const { timeout, maxRetries, maxRetryWait, signal, ...rest } = init;
    // One key per call, the same on every retry, so the server runs the operation at most once.
    // A null value counts: it is the caller saying "send none". A null in place of the headers is none.
    const has = (h: unknown) => new Headers((h ?? {}) as HeadersInit).has('Idempotency-Key');
    if (method === 'POST' && !has(rest.params?.header) && !has(rest.headers)) {
      rest.params = {
        ...rest.params,
        header: { ...rest.params?.header, 'Idempotency-Key': crypto.randomUUID() },
      };
    }
    for (let retry = 0, left = own.maxRetryWait; ; retry++) {
      const result = await attempt(base.request as Send, apiKey, method, path, rest, own.signal, own.timeout);
      if (!result.error?.retryable || retry >= own.maxRetries) return result;
      const wait = retryDelay(retry, result.response && retryAfterSeconds(result.response), policy);
      // A wait past what is left of maxRetryWait is handed back to the caller with the error.
      if (wait > left) return result;
      left -= wait;
      if (!(await sleep(wait, own.signal))) return { error: abortedError(), response: undefined };
    }
  }

  return {
    GET: call.bind(null, 'GET') as MediagenClient['GET'],
    POST: call.bind(null, 'POST') as MediagenClient['POST'],
    use: base.use,
    eject: base.eject,
  };
}
