// When a delivery the receiver did not take is tried again. The contract says "other answers are
// retried with backoff for up to 24 hours" (openapi/description.md, Webhooks); its profile is the
// Standard Webhooks specification's example schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h after the
// attempt before), with a last attempt 24 h after the first. A time scale compresses it for tests
// and demos (0.001: 24 h in 86.4 s).

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const STANDARD_WEBHOOKS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR];

/** The waits before each retry (the first attempt is immediate): the contract's 24 hours. */
export const CONTRACT_RETRY_DELAYS_MS: readonly number[] = [
  ...STANDARD_WEBHOOKS,
  24 * HOUR - STANDARD_WEBHOOKS.reduce((a, b) => a + b, 0),
];

export type RetrySchedule = readonly number[] | 'contract';

const UNITS: Record<string, number> = { ms: 1, s: SECOND, m: MINUTE, h: HOUR };

/** `contract`, `none`, or waits such as `1s,5s,30s` (units ms, s, m, h; a bare number is ms). */
export function parseRetrySchedule(raw: string): RetrySchedule {
  if (raw === 'contract') return 'contract';
  if (raw === 'none') return [];
  return raw.split(',').map(part => {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(part.trim());
    if (!match) throw new Error(`expected contract, none or waits such as 1s,5s,30s; got '${raw}'`);
    return Math.round(Number(match[1]) * UNITS[match[2] ?? 'ms']!);
  });
}

/** The waits in ms, scaled; a bad schedule or scale is an Error naming the option. */
export function retryDelays(schedule: RetrySchedule | undefined, scale = 1): number[] {
  if (!(Number.isFinite(scale) && scale > 0))
    throw new Error(`webhookTimeScale must be a positive number, got ${scale}`);
  const waits = schedule === undefined || schedule === 'contract' ? CONTRACT_RETRY_DELAYS_MS : schedule;
  if (!Array.isArray(waits) || !waits.every(w => Number.isFinite(w) && w >= 0))
    throw new Error(
      `webhookRetryDelaysMs must be 'contract' or a list of non-negative ms, got ${String(waits)}`,
    );
  return waits.map(w => Math.round(w * scale));
}
