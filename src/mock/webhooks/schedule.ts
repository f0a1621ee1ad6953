// When a delivery the receiver did not take is tried again. The contract carries its schedule as
// data (the Webhooks tag's `x-retry-delays-seconds`: backoff for up to 24 hours); a time scale
// compresses it for tests and demos (0.001: 24 h in 86.4 s).
import type { Spec } from '../../kernel/index.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const WAITS_KEY = 'x-retry-delays-seconds';

/** The waits before each retry (the first attempt is immediate) as the contract declares them, in ms. */
export function contractRetryDelaysMs(spec: Spec): number[] {
  const tags = Array.isArray(spec.tags) ? spec.tags : [];
  const tag = tags.find(t => typeof t === 'object' && t !== null && (t as Spec).name === 'Webhooks') as
    Spec | undefined;
  const waits = tag?.[WAITS_KEY];
  if (!Array.isArray(waits) || !waits.every(w => typeof w === 'number' && Number.isFinite(w) && w >= 0))
    throw new Error(`the contract's Webhooks tag must carry ${WAITS_KEY}, a list of non-negative seconds`);
  return waits.map(w => (w as number) * SECOND);
}

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
export function retryDelays(
  schedule: RetrySchedule | undefined,
  scale: number | undefined,
  contract: Spec,
): number[] {
  scale ??= 1;
  if (!(Number.isFinite(scale) && scale > 0))
    throw new Error(`webhookTimeScale must be a positive number, got ${scale}`);
  const waits =
    schedule === undefined || schedule === 'contract' ? contractRetryDelaysMs(contract) : schedule;
  if (!Array.isArray(waits) || !waits.every(w => Number.isFinite(w) && w >= 0))
    throw new Error(
      `webhookRetryDelaysMs must be 'contract' or a list of non-negative ms, got ${String(waits)}`,
    );
  return waits.map(w => Math.round(w * scale));
}
