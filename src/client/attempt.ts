// One attempt of a call: send it within its deadline, then read the answer as data or a typed error.
import { retryableErrorCodes, retryableStatuses } from '../../generated/catalogue.ts';
import { isErrorCode } from './codes.ts';
import {
  abortedError,
  localError,
  makeError,
  timeoutError,
  type ApiError,
  type InvalidResponseError,
  type UnknownApiError,
  type WireError,
} from './errors.ts';
import type { Result } from './result.ts';
import { deadline, retryAfterSeconds } from './retry.ts';

/** openapi-fetch's `request`, with the answer's body left as text. */
export type Send = (
  method: string,
  path: string,
  init: object,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

export async function attempt(
  send: Send,
  apiKey: string | undefined,
  method: string,
  path: string,
  init: object,
  signal: AbortSignal | null | undefined,
  timeout: number,
): Promise<Result<unknown>> {
  // An already aborted signal aborts this one at once: fetch then sends nothing. Without a timeout
  // or a caller's signal there is nothing to abort for, and a signal costs undici ~8% per request.
  const limit = signal || timeout < Infinity ? deadline(timeout, signal) : undefined;
  try {
    // Bodies come back as text and are parsed in `classify`: with parseAs 'json', openapi-fetch
    // throws a bare SyntaxError on a 2xx body that is not JSON, and the response is lost.
    return classify(await send(method, path, { ...init, parseAs: 'text', signal: limit?.signal }), apiKey);
  } catch (cause) {
    // A network error's cause says what failed (refused, DNS, TLS): kept in the message.
    const detail =
      cause instanceof Error
        ? cause.message + (cause.cause instanceof Error ? `: ${cause.cause.message}` : '')
        : String(cause);
    const error = signal?.aborted
      ? abortedError()
      : limit?.timedOut()
        ? timeoutError(timeout)
        : localError('connection', `Connection failed: ${detail}`, true, {}, undefined, apiKey);
    return { error, response: undefined };
  } finally {
    limit?.clear();
  }
}

function classify(
  { data, error: body, response }: Awaited<ReturnType<Send>>,
  apiKey?: string,
): Result<unknown> {
  // A 2xx body arrives as text; a non-2xx one parsed, or as text when it is not JSON.
  const value = response.ok ? data : body;
  let reason: InvalidResponseError['reason'];
  if (value === undefined || value === '') reason = 'empty_body';
  // No content type is null, which reads as "null": not JSON.
  else if (!/[/+]json\b/i.test(response.headers.get('content-type')!)) reason = 'wrong_content_type';
  else if (response.ok) {
    try {
      return { data: JSON.parse(data as string), response };
    } catch {
      reason = 'invalid_json';
    }
  } else {
    // The envelope: `{"error": {message, type, code, param, doc_url, request_id}}`. A JSON value other
    // than an object (a string, an array) has none of these fields: no need to tell them apart first.
    const wire = (body as { error?: WireError } | null | undefined)?.error;
    if (
      (wire?.param === null || typeof wire?.param === 'string') &&
      ['message', 'type', 'code', 'doc_url', 'request_id'].every(k => typeof wire[k] === 'string')
    ) {
      const { code, doc_url, request_id, ...rest } = wire;
      const known = isErrorCode(code);
      // The server's fields (message, type, param and any extras) first: ours win a clash.
      const error = makeError(
        {
          ...rest,
          kind: known ? 'api' : 'api_unknown',
          code,
          status: response.status,
          docUrl: doc_url,
          requestId: request_id,
          // Known codes are classified by the catalogue, unknown ones by their status.
          retryable: known ? retryableErrorCodes.includes(code) : retryableStatuses.includes(response.status),
          retryAfter: retryAfterSeconds(response),
        },
        apiKey,
      ) as ApiError | UnknownApiError;
      return { error, response };
    }
    reason = typeof body === 'string' ? 'invalid_json' : 'not_envelope';
  }
  const error = localError(
    'invalid_response',
    `Invalid response (${reason}, status ${response.status})`,
    // A 2xx is not retried: the operation may have happened.
    !response.ok && retryableStatuses.includes(response.status),
    { reason, contentType: response.headers.get('content-type') },
    response,
    apiKey,
  );
  return { error: error as InvalidResponseError, response };
}
