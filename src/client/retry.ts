// When to send a request again, and how long to wait first.
import { MAX_TIMER_MS } from '../kernel/timer.ts';

export interface RetryPolicy {
  /** Retries after the first attempt (total attempts = maxRetries + 1). Default 2. */
  maxRetries: number;
  /** First backoff wait in ms, doubled on each retry. Default 500. */
  initialDelay: number;
  /** Cap of one backoff wait in ms. Default 8000. */
  maxDelay: number;
  /**
   * Ms a call may spend in all waiting between its attempts. Default 30000. A wait that would go past
   * what is left of it (a long Retry-After) ends the retries at once: the error comes back, and its
   * `retryAfter` says how long to wait, for the caller to show or schedule.
   */
  maxRetryWait: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 2,
  initialDelay: 500,
  maxDelay: 8000,
  maxRetryWait: 30_000,
};

/**
 * Seconds the server asked to wait: `Retry-After` (seconds or an HTTP date), else on a 429
 * `X-RateLimit-Reset` (seconds until the window resets). Undefined when neither is usable.
 */
export function retryAfterSeconds(response: Response): number | undefined {
  // A missing header is null, which reads as "null": a word, not seconds, and no date.
  const seconds = (value: string | null) => (/^\d+(\.\d+)?$/.test(value!) ? +value! : undefined);
  const header = response.headers.get('retry-after')!;
  // An HTTP date has letters; Date.parse alone accepts far too much.
  const date = /[a-z]/i.test(header) ? Date.parse(header) : NaN;
  return (
    seconds(header) ??
    (date >= 0
      ? Math.ceil(Math.max(0, date - Date.now()) / 1000)
      : response.status === 429
        ? seconds(response.headers.get('x-ratelimit-reset'))
        : undefined)
  );
}

/**
 * Wait in ms before retry number `retry` (0-based): the server's advice if it gave one, else
 * exponential backoff with up to 25% jitter, capped at `maxDelay`.
 */
export const retryDelay = (retry: number, advisedSeconds: number | undefined, policy: RetryPolicy): number =>
  advisedSeconds !== undefined
    ? advisedSeconds * 1000
    : Math.round(Math.min(policy.initialDelay * 2 ** retry, policy.maxDelay) * (1 - Math.random() * 0.25));

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
export async function sleep(ms: number, signal?: AbortSignal | null): Promise<boolean> {
  const wait = deadline(ms, signal);
  if (!wait.signal.aborted) await new Promise(resolve => wait.signal.addEventListener('abort', resolve));
  wait.clear();
  return wait.timedOut();
}

/**
 * A signal that aborts when `parent` does or after `ms`, at most MAX_TIMER_MS (no timer when `ms` is
 * infinite): setTimeout would fire at once past it. `timedOut()` tells the two apart.
 */
export function deadline(ms: number, parent?: AbortSignal | null) {
  const controller = new AbortController();
  const abort = () => controller.abort();
  let timedOut = false;
  const timer =
    ms < Infinity ? setTimeout(() => ((timedOut = true), abort()), Math.min(ms, MAX_TIMER_MS)) : undefined;
  parent?.addEventListener('abort', abort);
  if (parent?.aborted) abort();
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    clear: () => (clearTimeout(timer), parent?.removeEventListener('abort', abort)),
  };
}
