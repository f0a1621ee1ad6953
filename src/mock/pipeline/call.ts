// One request on its way through the pipeline: what every stage may read of it, and what the stages
// leave for the last one (the warnings for X-Mock-Warning, the rate window for X-RateLimit-*).
import type { Operation } from '../../kernel/index.ts';
import { newRequestId } from '../../kernel/ids.ts';
import type { RateCount } from '../limits.ts';
import type { Account } from '../state/accounts.ts';
import type { MockInput } from '../types.ts';
import type { Preferences } from './preferences.ts';

export interface Call {
  readonly input: MockInput;
  readonly requestId: string;
  readonly started: number;
  /** Upper-cased. */
  readonly method: string;
  readonly path: string;
  /** What is after the `?`, if anything. */
  readonly search: string;
  /** Where the request came to (or the mock's public URL), for URLs the answer gives back (media). */
  readonly origin: string;
  /** Said in one X-Mock-Warning when the answer is sent. */
  readonly warnings: string[];
  /** The key's request window, once the limits stage counted this request. */
  rate?: RateCount;
}

/** The request once it matched an operation: its parameters, preferences and caller. */
export interface OperationCall {
  readonly call: Call;
  readonly op: Operation;
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  /** The query as Prism reads it: one value, or every value of a repeated name. */
  readonly queryRecord: Record<string, string | string[]>;
  readonly prefs: Preferences;
  /** The key of `Authorization: Bearer <key>`, and its account. */
  readonly key: string | undefined;
  readonly account: Account | undefined;
}

/** A request that says nothing of where it came to (an adapter without a Host). */
const DEFAULT_ORIGIN = 'http://127.0.0.1:4010';

/** The call of `input`; `publicUrl` (settings), when set, is the origin its answers' URLs name. */
export function openCall(input: MockInput, publicUrl?: string): Call {
  const q = input.target.indexOf('?');
  return {
    input,
    requestId: newRequestId(),
    started: performance.now(),
    method: input.method.toUpperCase(),
    path: q < 0 ? input.target : input.target.slice(0, q),
    search: q < 0 ? '' : input.target.slice(q + 1),
    origin: publicUrl ?? input.origin ?? DEFAULT_ORIGIN,
    warnings: [],
  };
}
