// Per-key limits: a fixed one-minute request window (X-RateLimit-Limit/Remaining/Reset on every
// answer counted in it, 429 rate_limit with Retry-After when spent) and a cap on unfinished videos
// (429 concurrency_limit with `limit` and `current`). `null` turns either off.
import type { RateWindow } from './state/accounts.ts';

export const WINDOW_MS = 60_000;

export interface RateCount {
  limit: number;
  remaining: number;
  /** Seconds until the window starts again. */
  resetSeconds: number;
  spent: boolean;
}

/** The window with one more request in it (a fresh window once a minute has passed), and its count. */
export function nextWindow(
  window: RateWindow,
  limit: number,
  now: number,
): { window: RateWindow; count: RateCount } {
  const fresh = now - window.startedAt >= WINDOW_MS;
  const startedAt = fresh ? now : window.startedAt;
  const requests = (fresh ? 0 : window.count) + 1;
  const resetSeconds = Math.max(1, Math.ceil((startedAt + WINDOW_MS - now) / 1000));
  return {
    window: { startedAt, count: requests },
    count: { limit, remaining: Math.max(0, limit - requests), resetSeconds, spent: requests > limit },
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
