// The mock's options with their defaults filled in, read once at start by every stage.
import { parseFaults, parseLatency, type FaultSettings, type Latency } from './faults.ts';
import type { ControlAccess } from './control-access.ts';
import { contractIdempotencyRetentionMs } from './idempotency-retention.ts';
import type { Spec } from '../kernel/index.ts';
import { parsePublicUrl } from './media/public-url.ts';
import type { MockOptions } from './types.ts';
import { parseWebhookAllow, type AllowedHost } from './webhooks/allow-list.ts';
import { retryDelays } from './webhooks/schedule.ts';

export const DEFAULT_RATE_LIMIT = 1000;
export const DEFAULT_MAX_CONCURRENT = 5;
export const DEFAULT_MAX_ACCOUNTS = 10_000;
export const DEFAULT_MAX_JOBS = 1000;
export const DEFAULT_MAX_IDEMPOTENCY_RECORDS = 100_000;

export interface Settings {
  /** Requests per key per minute; null: no limit. */
  rateLimit: number | null;
  /** The window the rate headers describe: the limit, or the default when there is none. */
  shownRateLimit: number;
  /** Unfinished videos per key; null: no cap. */
  maxConcurrent: number | null;
  /** What the busy test key reports as its cap. */
  shownConcurrency: number;
  latency: Latency | undefined;
  faults: FaultSettings | undefined;
  control: ControlAccess;
  /** Asked of every /_mock/ request in X-Mock-Control-Token when set. */
  controlToken: string | undefined;
  random: () => number;
  stepMs: number;
  /** Whether a poll moves a video on; under the realistic profile only time does. */
  advanceOnPoll: boolean;
  /** The origin media URLs name instead of the request's (checked, no trailing slash). */
  publicUrl: string | undefined;
  /** Waits before each webhook retry, in ms, scaled (default: the contract's 24 hours). */
  webhookRetryDelaysMs: number[];
  /** The only hosts webhooks may go to; undefined: any (never the mock itself). */
  webhookAllow: AllowedHost[] | undefined;
  /** How long an Idempotency-Key is remembered, in ms (default: the contract's). */
  idempotencyRetentionMs: number;
}

function controlTokenOf(token: unknown): string | undefined {
  if (token === undefined) return undefined;
  if (typeof token !== 'string' || token.length === 0 || /[^\x21-\x7e]/.test(token))
    throw new Error('controlToken must be a non-empty string of visible ASCII (it is sent as a header)');
  return token;
}

function publicUrlOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    return parsePublicUrl(raw);
  } catch (error) {
    throw new Error(`publicUrl ${(error as Error).message}`);
  }
}

/**
 * `spec`: the contract the mock is made from (the bundled one unless `options.spec`), whose webhook retry
 * schedule and idempotency retention are the defaults.
 */
export function readSettings(options: MockOptions, spec: Spec): Settings {
  const rateLimit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  const maxConcurrent = options.maxConcurrent === undefined ? DEFAULT_MAX_CONCURRENT : options.maxConcurrent;
  const latency = typeof options.latency === 'string' ? parseLatency(options.latency) : options.latency;
  // The realistic profile makes videos take minutes of wall time (4 steps of 30 s), polled or not.
  const realistic = latency?.kind === 'realistic';
  return {
    rateLimit,
    shownRateLimit: rateLimit ?? DEFAULT_RATE_LIMIT,
    maxConcurrent,
    shownConcurrency: maxConcurrent ?? DEFAULT_MAX_CONCURRENT,
    latency,
    faults: typeof options.faults === 'string' ? parseFaults(options.faults) : options.faults,
    control: options.control ?? 'loopback',
    controlToken: controlTokenOf(options.controlToken),
    random: options.random ?? Math.random,
    stepMs: options.stepMs ?? (realistic ? 30_000 : 2000),
    advanceOnPoll: !realistic,
    publicUrl: publicUrlOf(options.publicUrl),
    webhookRetryDelaysMs: retryDelays(options.webhookRetryDelaysMs, options.webhookTimeScale, spec),
    webhookAllow: options.webhookAllow === undefined ? undefined : parseWebhookAllow(options.webhookAllow),
    idempotencyRetentionMs: options.idempotencyRetentionMs ?? contractIdempotencyRetentionMs(spec),
  };
}
