// The `Prefer` header, read once per request. Prism's own parser reads `code` and `example` (and
// the `__code`/`__example` query fallbacks), so selection works exactly as in plain Prism; the mock
// adds two video job tokens, `fail=<failure code>` and `steps=<n>` (checked against the contract by
// the contract stage), and two for any request, `fault=<fault kind>` and `latency=<ms>`.
import { getHttpConfigFromRequest } from '@stoplight/prism-http-server/dist/getHttpConfigFromRequest.js';
import type { IHttpRequest } from '@stoplight/prism-http';
import { FAULT_KINDS, isFaultKind, type FaultKind } from '../faults.ts';

export interface Preferences {
  /** The status Prism should answer, if one was asked for. */
  readonly code?: number;
  /** The named example Prism should answer. */
  readonly example?: string;
  /** Make the video generation end failed with this failure code. */
  readonly fail?: string;
  /** Polls (or step intervals) until the video generation ends. */
  readonly steps?: string;
  /** Answer this request with this fault (see faults.ts). */
  readonly fault?: FaultKind;
  /** Wait this many ms before answering. */
  readonly latencyMs?: number;
  /** Why `code`/`example` could not be read, for X-Mock-Warning. */
  readonly problem?: string;
  /** The `fault` and `latency` tokens that could not be read, for X-Mock-Warning. */
  readonly ignored: readonly string[];
}

const NONE: Preferences = { ignored: [] };

/** `a=1, b="2"; c=3` as tokens, names lower-cased. */
function preferTokens(header: string): Record<string, string> {
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

/** What Prism reads: `code` and `example`, or the problem that keeps it from reading them. */
function prismPreferences(prefer: string | undefined, query: Record<string, string | string[]>) {
  const input = { headers: prefer !== undefined ? { prefer } : {}, url: { path: '/', query } };
  const prism = getHttpConfigFromRequest(input as IHttpRequest);
  if (prism._tag === 'Left') return { problem: `Prefer ignored: ${prism.left.detail ?? prism.left.message}` };
  const { code, exampleKey } = prism.right;
  return {
    ...(code !== undefined ? { code } : {}),
    ...(exampleKey !== undefined ? { example: exampleKey } : {}),
  };
}

export function readPreferences(
  prefer: string | undefined,
  query: Record<string, string | string[]>,
): Preferences {
  const prism = prismPreferences(prefer, query);
  if (!prefer) return Object.keys(prism).length ? { ...prism, ignored: [] } : NONE;
  const own = preferTokens(prefer);
  const latency =
    own.latency !== undefined && /^\d{1,6}$/.test(own.latency) ? Number(own.latency) : undefined;
  const fault = own.fault !== undefined && isFaultKind(own.fault) ? own.fault : undefined;
  const ignored = [
    own.fault !== undefined && fault === undefined && `fault=${own.fault} (one of ${FAULT_KINDS.join(', ')})`,
    own.latency !== undefined && latency === undefined && `latency=${own.latency} (ms)`,
  ].filter((x): x is string => typeof x === 'string');
  return {
    ...prism,
    ...(own.fail !== undefined ? { fail: own.fail } : {}),
    ...(own.steps !== undefined ? { steps: own.steps } : {}),
    ...(fault !== undefined ? { fault } : {}),
    ...(latency !== undefined ? { latencyMs: latency } : {}),
    ignored,
  };
}
