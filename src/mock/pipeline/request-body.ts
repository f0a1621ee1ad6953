// The request as Prism should see it: the body parsed (or the HTTP-level problem with it), the
// headers a JSON body implies, and a path Prism can decode.
import type { Operation } from '../../kernel/index.ts';
import { deeperThan, MAX_BODY_DEPTH } from '../body-depth.ts';

/** `application/json`, with or without parameters, or any `+json` type. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * Prism throws on a path segment that is not valid percent-encoding; such a segment is passed on
 * with its `%` taken literally, so that it fails the parameter's schema like any other bad value.
 */
export function decodablePath(path: string): string {
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

export type BodyProblem = 'invalid_json' | 'no_content_type' | 'too_deep';

/** The body as Prism should see it, and what is wrong with it at the HTTP level; `headers` is the call's own copy. */
export function readRequestBody(
  op: Operation,
  headers: Record<string, string>,
  bytes: Uint8Array | undefined,
): { body: unknown; problem: BodyProblem | undefined } {
  if (!op.hasRequestBody) {
    // A body on an operation without one is ignored (Prism would answer an undeclared 415).
    delete headers['content-type'];
    return { body: undefined, problem: undefined };
  }
  if (bytes === undefined) return { body: {}, problem: undefined };
  if (bytes.length === 0) {
    // Validated as `{}`, so that the answer names the first missing required field.
    headers['content-type'] = 'application/json';
    headers['content-length'] = '2';
    return { body: {}, problem: undefined };
  }
  headers['content-length'] = String(bytes.length);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const missingType = headers['content-type'] === undefined ? 'no_content_type' : undefined;
  if (!isJsonMediaType(headers['content-type'])) return { body: text, problem: missingType };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { body: {}, problem: 'invalid_json' };
  }
  // Checked before Prism or a fingerprint walks it; Prism sees `{}` instead.
  if (deeperThan(body, MAX_BODY_DEPTH)) return { body: {}, problem: 'too_deep' };
  return { body, problem: missingType };
}
