// The `Prefer` header. Prism's own parser reads `code` and `example` (and the `__code`/`__example`
// query fallbacks), so selection works exactly as in plain Prism; the mock adds two job tokens,
// `fail=<failure code>` and `steps=<n>` on POST /v2/videos/generations, and two for any request:
// `fault=<fault kind>` and `latency=<ms>`.
import { getHttpConfigFromRequest } from '@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js';
import type { IHttpRequest } from '@stoplight/prism-http';

export interface Preferences {
  /** The status Prism should answer, if one was asked for. */
  code?: number;
  /** The named example Prism should answer. */
  example?: string;
  /** Make the video generation end failed with this failure code. */
  fail?: string;
  /** Polls (or step intervals) until the video generation ends. */
  steps?: string;
  /** Answer this request with this fault (see faults.ts). */
  fault?: string;
  /** Wait this many ms before answering. */
  latency?: string;
  /** Set when the header could not be read: the response then says so in a warning. */
  problem?: string;
}

export function preferTokens(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header.split(/[,;]/)) {
    const [key, ...value] = part.split('=');
    const name = key?.trim().toLowerCase();
    if (name)
      out[name] = value
        .join('=')
        .trim()
        .replace(/^"(.*)"$/, '$1');
  }
  return out;
}

export function readPreferences(input: Pick<IHttpRequest, 'headers' | 'url'>): Preferences {
  const header = input.headers?.prefer;
  const own = header ? preferTokens(header) : {};
  const prism = getHttpConfigFromRequest(input as IHttpRequest);
  const base = {
    ...(own.fail !== undefined ? { fail: own.fail } : {}),
    ...(own.steps !== undefined ? { steps: own.steps } : {}),
    ...(own.fault !== undefined ? { fault: own.fault } : {}),
    ...(own.latency !== undefined ? { latency: own.latency } : {}),
  };
  if (prism._tag === 'Left')
    return { ...base, problem: `Prefer ignored: ${prism.left.detail ?? prism.left.message}` };
  const { code, exampleKey } = prism.right;
  return {
    ...base,
    ...(code !== undefined ? { code } : {}),
    ...(exampleKey !== undefined ? { example: exampleKey } : {}),
  };
}
