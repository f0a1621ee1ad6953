// When to send a request again, and how long to wait first.

export interface RetryPolicy {
  /** Retries after the first attempt (total attempts = maxRetries + 1). Default 2. */
  maxRetries: number;
  /** First backoff wait in ms, doubled on each retry. Default 500. */
  initialDelay: number;
  /** Cap of one backoff wait in ms. Default 8000. */
  maxDelay: number;
  /**
   * Longest server-advised wait (Retry-After) the client sleeps through, in ms. Default 60000.
   * A longer advice ends the retries and returns the error, whose `retryAfter` says how long to wait.
   */
  maxRetryAfter: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 2,
  initialDelay: 500,
  maxDelay: 8000,
  maxRetryAfter: 60_000,
};

/**
 * Seconds the server asked to wait: `Retry-After` (seconds or an HTTP date), else on a 429
 * `X-RateLimit-Reset` (seconds until the window resets). Undefined when neither is usable.
 */
export function retryAfterSeconds(response: Response, now = Date.now()): number | undefined {
  const seconds = (value: string | null) => (value && /^\d+(\.\d+)?$/.test(value) ? +value : undefined);
  const header = response.headers.get('retry-after') ?? '';
  // An HTTP date has letters; Date.parse alone accepts far too much.
  const date = /[a-z]/i.test(header) ? Date.parse(header) : NaN;
  return (
    seconds(header) ??
    (date >= 0
      ? Math.max(0, Math.ceil((date - now) / 1000))
      : response.status === 429
        ? seconds(response.headers.get('x-ratelimit-reset'))
        : undefined)
  );
}

/**
 * Wait in ms before retry number `retry` (0-based): the server's advice if it gave one (undefined
 * when over `maxRetryAfter`: do not retry), else exponential backoff with up to 25% jitter, capped.
 */
export function retryDelay(
  retry: number,
  advisedSeconds: number | undefined,
  policy: RetryPolicy,
): number | undefined {
  if (advisedSeconds !== undefined) {
    const ms = advisedSeconds * 1000;
    return ms <= policy.maxRetryAfter ? ms : undefined;
  }
  return Math.round(Math.min(policy.initialDelay * 2 ** retry, policy.maxDelay) * (1 - Math.random() * 0.25));
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  const wait = deadline(ms, signal);
  if (!wait.signal.aborted) await new Promise(resolve => wait.signal.addEventListener('abort', resolve));
  wait.clear();
  return wait.timedOut();
}

/**
 * A signal that aborts when `parent` does or after `ms` (no timer when `ms` is infinite:
 * setTimeout would fire at once). `timedOut()` tells the two apart.
 */
export function deadline(ms: number, parent?: AbortSignal | null) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = Number.isFinite(ms)
    ? setTimeout(() => ((timedOut = true), controller.abort()), ms)
    : undefined;
  const onAbort = () => controller.abort();
  parent?.addEventListener('abort', onAbort);
  if (parent?.aborted) controller.abort();
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    clear: () => (clearTimeout(timer), parent?.removeEventListener('abort', onAbort)),
  };
}
