// Per-key limits: a fixed one-minute request window (X-RateLimit-Limit/Remaining/Reset on every
// answer, 429 rate_limit with Retry-After when spent) and a cap on unfinished videos
// (429 concurrency_limit with `limit` and `current`). `null` turns either off.
import type { Account } from './accounts.ts';

export const WINDOW_MS = 60_000;

export interface RateCount {
  limit: number;
  remaining: number;
  /** Seconds until the window starts again. */
  resetSeconds: number;
  spent: boolean;
}

/** Counts one request in the account's window (a fresh window once a minute has passed). */
export function countRequest(account: Account, limit: number, now: number): RateCount {
  if (now - account.window.startedAt >= WINDOW_MS) account.window = { startedAt: now, count: 0 };
  account.window.count++;
  const resetSeconds = Math.max(1, Math.ceil((account.window.startedAt + WINDOW_MS - now) / 1000));
  return {
    limit,
    remaining: Math.max(0, limit - account.window.count),
    resetSeconds,
    spent: account.window.count > limit,
  };
}

/** A window that is spent already: what the `rate_limit` test key always sees. */
export const spentWindow = (limit: number): RateCount => ({
  limit,
  remaining: 0,
  resetSeconds: 60,
  spent: true,
});

/** The X-RateLimit-* headers of a window. */
export function rateHeaders(count: RateCount): Record<string, string> {
  return {
    'x-ratelimit-limit': String(count.limit),
    'x-ratelimit-remaining': String(count.remaining),
    'x-ratelimit-reset': String(count.resetSeconds),
  };
}
