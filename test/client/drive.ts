import { vi } from 'vitest';

/**
 * Runs `promise` to the end under fake timers, jumping the clock to the next timer whenever at least
 * `idle` timers are pending (the waits of the code under test; I/O stays real and is awaited).
 */
export async function drive<T>(promise: Promise<T>, idle = 1): Promise<T> {
  let done = false;
  void promise.finally(() => (done = true));
  while (!done) {
    await new Promise(r => setImmediate(r));
    if (vi.getTimerCount() >= idle) await vi.advanceTimersToNextTimerAsync();
  }
  return promise;
}
