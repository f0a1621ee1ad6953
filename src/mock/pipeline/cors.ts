// Stage 1, CORS: a browser's preflight is answered at once (it is not an API call), so that a
// frontend can use the mock; every other answer carries the headers a page needs to read it.
import type { MockInput, MockOutput } from '../types.ts';

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'X-Request-Id, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, X-Mock-Warning, Idempotent-Replayed',
};

/** The answer to a CORS preflight, or undefined when the request is not one. */
export function answerPreflight(input: MockInput, requestId: string): MockOutput | undefined {
  if (
    input.method.toUpperCase() !== 'OPTIONS' ||
    input.headers['access-control-request-method'] === undefined
  )
    return undefined;
  const headers = {
    'x-request-id': requestId,
    ...CORS_HEADERS,
    'access-control-allow-methods': 'GET, POST, PUT',
    'access-control-allow-headers': input.headers['access-control-request-headers'] ?? '*',
    'access-control-max-age': '600',
  };
  return { kind: 'answer', status: 204, headers, body: null };
}
