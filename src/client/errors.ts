// Errors are values: every call resolves to `{ data }` or `{ error }` whatever the API or the network
// does (only an option of the wrong type rejects, see options.ts). Each error is an `Error` (so
// `throw error` keeps a stack) tagged by `kind`; API errors are further tagged by `code`.
import type { components } from '../../generated/schema.ts';

type Schemas = components['schemas'];
type WireBase = Schemas['ErrorBase'];
/** The error object of the envelope every non-2xx body must be: `{"error": {...}}`. */
export type WireError = WireBase & Record<string, unknown>;

/** Fields every error has, so they can be logged without narrowing first. */
interface Common {
  message: string;
  /** HTTP status, when there was a response. */
  status: number | undefined;
  /** `X-Request-Id` of the response (equal to `error.request_id`), when there was one. */
  requestId: string | undefined;
  /** Whether sending the same request again can succeed. */
  retryable: boolean;
}

interface ApiFields extends Common {
  status: number;
  requestId: string;
  type: string;
  param: string | null;
  docUrl: string;
  /** Seconds the server asked to wait (`Retry-After`, or `X-RateLimit-Reset` on a 429). */
  retryAfter: number | undefined;
}

type Known<E> = E extends { code: string; type: string }
  ? Omit<E, keyof WireBase> & Pick<E, 'code' | 'type'>
  : never;

/** An error whose code is in the catalogue: `switch (error.code)` narrows to its typed fields. */
export type ApiError = Error & { kind: 'api' } & ApiFields & Known<Schemas['ApiError']>;

/**
 * An error whose code this version does not know (the list grows): classified by its status. The
 * fields of the error object beyond the common ones are carried as they came.
 */
export type UnknownApiError = Error &
  ApiFields & { kind: 'api_unknown'; code: string; [extra: string]: unknown };

export type ConnectionError = Error & Common & { kind: 'connection' };
export type TimeoutError = Error & Common & { kind: 'timeout'; timeoutMs: number };
export type AbortedError = Error & Common & { kind: 'aborted' };

/** The response breaks the contract: not the JSON the spec promises. */
export type InvalidResponseError = Error &
  Common & {
    kind: 'invalid_response';
    status: number;
    reason: 'empty_body' | 'wrong_content_type' | 'invalid_json' | 'not_envelope';
    contentType: string | null;
  };

export type MediagenError =
  ApiError | UnknownApiError | ConnectionError | TimeoutError | AbortedError | InvalidResponseError;

/**
 * Builds an error value from `fields` (ours and the server's), stripping `secret` (the API key) in
 * every form from every string in them and from the names of the fields, whatever their source.
 */
export function makeError<T extends { message: string }>(fields: T, secret?: string): Error & T {
  if (secret) {
    // The key JSON-escaped, URL-encoded and as sent, in any case: a form that holds another as its
    // start comes before it, so that the whole is matched.
    const forms = new RegExp(
      [JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), secret]
        // A backslash before any other character matches it as itself.
        .map(form => form.replace(/\W/g, '\\$&'))
        .join('|'),
      'gi',
    );
    // The values are JSON and ours: an object that is not an array is a plain one. Its entries are
    // arrays of [name, value]: both scrubbed.
    const scrub = (value: unknown): unknown =>
      typeof value === 'string'
        ? value.replace(forms, '[redacted]')
        : Array.isArray(value)
          ? value.map(scrub)
          : value && typeof value === 'object'
            ? Object.fromEntries(scrub(Object.entries(value)) as [])
            : value;
    fields = scrub(fields) as T;
  }
  // No message to the constructor: assigned, it is enumerable, so JSON.stringify(error) keeps it.
  return Object.assign(new Error(), fields, { name: 'MediagenError' }) as Error & T;
}

/** An error of ours: with the status and `X-Request-Id` of `response`, when there is one. */
export const localError = <K extends string, T extends object>(
  kind: K,
  message: string,
  retryable: boolean,
  fields: T,
  response?: Response,
  secret?: string,
) =>
  makeError(
    {
      kind,
      message,
      status: response?.status,
      requestId: response?.headers.get('x-request-id') ?? undefined,
      retryable,
      ...fields,
    },
    secret,
  );

export const abortedError = (): AbortedError => localError('aborted', 'Aborted', false, {});
export const timeoutError = (ms: number): TimeoutError =>
  localError('timeout', `Timed out after ${ms} ms`, true, { timeoutMs: ms });
