// Latency and faults on request, so that a UI's loading and retry paths can be exercised: a delay
// (fixed, a range, or a realistic profile per operation) and a share of requests answered with a
// retryable 5xx, a 429 with Retry-After, a stalled connection or a cut one. Every injected answer is
// one the contract allows, or a transport fault a client must already handle.
import type { ErrorCode } from '../../generated/catalogue.ts';

export const FAULT_KINDS = [
  'server_error',
  'bad_gateway',
  'service_unavailable',
  'gateway_timeout',
  'rate_limit',
  'stall',
  'cut',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
/** The faults answered as an error body; the others are transport faults. */
export type ErrorFault = Extract<FaultKind, ErrorCode>;

export interface FaultSettings {
  /** Share of requests, 0 to 1. */
  rate: number;
  kinds: readonly FaultKind[];
}

export type Latency =
  { kind: 'fixed'; ms: number } | { kind: 'range'; min: number; max: number } | { kind: 'realistic' };

/** Typical times of the real API per operation, in ms (images take seconds). */
const REALISTIC: Record<string, [number, number]> = {
  generateImage: [3000, 12000],
  createVideoGeneration: [300, 1000],
  getVideoGeneration: [50, 200],
};
const REALISTIC_OTHER: [number, number] = [30, 120];

export const isFaultKind = (text: string): text is FaultKind =>
  (FAULT_KINDS as readonly string[]).includes(text);

/** `250`, `100-800`, `realistic` or `none`. */
export function parseLatency(text: string): Latency | undefined {
  if (text === 'none' || text === '0') return undefined;
  if (text === 'realistic') return { kind: 'realistic' };
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (range && Number(range[1]) <= Number(range[2]))
    return { kind: 'range', min: Number(range[1]), max: Number(range[2]) };
  if (/^\d+$/.test(text)) return { kind: 'fixed', ms: Number(text) };
  throw new Error(`latency must be ms (250), a range (100-800), 'realistic' or 'none', got '${text}'`);
}

/** `0.1` (any fault) or `0.1:service_unavailable,cut`; `0` or `off` for none. */
export function parseFaults(text: string): FaultSettings | undefined {
  const [share = '', list] = text.split(':');
  if (share === 'off' || (share === '0' && list === undefined)) return undefined;
  const rate = Number(share);
  if (share.trim() === '' || !(rate >= 0 && rate <= 1))
    throw new Error(`faults must be a share from 0 to 1, optionally ':kind,kind', got '${text}'`);
  const kinds = list === undefined ? FAULT_KINDS : list.split(',').map(k => k.trim());
  const bad = kinds.find(k => !isFaultKind(k));
  if (bad !== undefined) throw new Error(`unknown fault '${bad}': one of ${FAULT_KINDS.join(', ')}`);
  return { rate, kinds: kinds as FaultKind[] };
}

/** The fault this request meets, if any. */
export function pickFault(settings: FaultSettings | undefined, random: () => number): FaultKind | undefined {
  if (!settings || settings.kinds.length === 0 || random() >= settings.rate) return undefined;
  return settings.kinds[Math.floor(random() * settings.kinds.length)];
}

/** How long to wait before answering `operationId`. */
export function delayFor(
  latency: Latency | undefined,
  operationId: string | undefined,
  random: () => number,
): number {
  if (!latency) return 0;
  if (latency.kind === 'fixed') return latency.ms;
  const [min, max] =
    latency.kind === 'range' ? [latency.min, latency.max] : (REALISTIC[operationId ?? ''] ?? REALISTIC_OTHER);
  return Math.round(min + random() * (max - min));
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function wait(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise(resolve => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
