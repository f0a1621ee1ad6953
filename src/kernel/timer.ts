// The longest delay a Node timer holds: 2^31-1 ms, about 24.8 days. Past it setTimeout (and a
// socket's or server's timeout) fires after 1 ms instead, so a huge timeout would time out everything
// at once: every time limit we take is checked against it, and the client's waits are capped by it
// (browser-safe: no Node import).
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** What a time limit may be, as every error refusing one says it. */
export const TIMER_RANGE = `a positive integer of ms up to ${MAX_TIMER_MS}`;

/** A time limit checked when it is given: a positive integer of ms a timer holds, or an error naming it. */
export function timerMs(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TIMER_MS)
    throw new Error(`${name} must be ${TIMER_RANGE}, got ${JSON.stringify(value)}`);
  return value;
}
