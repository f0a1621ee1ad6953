// Signed webhook deliveries (Standard Webhooks) and their records: the same webhook-id and body on
// every attempt, a fresh timestamp and signature per attempt, retries on the configured schedule on a
// non-2xx or no answer, and resends on request. The records are plain data kept here (the last
// 1,000), so that the state file saves them and a pending one is retried after a restart.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { newWebhookId } from '../kernel/ids.ts';
import { postSigned } from './webhooks/attempt.ts';
import { succeeded, type Delivery, type DeliveryAttempt, type DeliveryRecord } from './webhooks/delivery.ts';
import { DeliverySlots } from './webhooks/in-flight.ts';
import { CONTRACT_RETRY_DELAYS_MS } from './webhooks/schedule.ts';

export type { Delivery, DeliveryAttempt } from './webhooks/delivery.ts';

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

const MAX_DELIVERIES = 1000;
/** Resends are made by hand, any number of times: past this many attempts the oldest resend goes. */
const MAX_ATTEMPTS = 100;

export interface WebhookSenderOptions {
  secret: string;
  /** Waits before each retry, in ms; the first attempt is immediate (default: the contract's 24 hours). */
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
  /** Attempts on the wire at once, and waiting for a slot (defaults: src/kernel/server-limits.ts). */
  maxDeliveriesInFlight?: number;
  maxDeliveriesQueued?: number;
  /** One line when a delivery ends, and per resend. */
  log?: (line: string) => void;
  /** A record was added or changed (the state file is told). */
  onChange?: () => void;
}

export type WebhookEvent = { type: string; [field: string]: unknown };

/**
 * The host of a callback URL under a name reserved for documentation (example.com, *.example, *.test,
 * *.invalid): the contract's own examples use one, and a delivery there could only go astray.
 */
export function reservedHost(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
  return /(^|\.)(example\.(com|net|org)|example|test|invalid)$/.test(host) ? host : undefined;
}

/** Posts signed events and keeps their records, oldest first. */
export class WebhookSender {
  readonly #signer: Webhook;
  readonly #delays: readonly number[];
  readonly #stopped = new AbortController();
  readonly #records: DeliveryRecord[] = [];
  readonly #timers = new Map<DeliveryRecord, NodeJS.Timeout>();
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #slots: DeliverySlots;

  constructor(private readonly options: WebhookSenderOptions) {
    this.#signer = new Webhook(options.secret);
    this.#slots = new DeliverySlots(options.maxDeliveriesInFlight, options.maxDeliveriesQueued);
    this.#delays = options.retryDelaysMs ?? CONTRACT_RETRY_DELAYS_MS;
  }

  /** Records a delivery and makes its first attempt; resolves when that attempt is done (retries follow). */
  send(url: string, event: WebhookEvent): Promise<Delivery> {
    const reserved = reservedHost(url);
    const record: DeliveryRecord = {
      webhookId: newWebhookId(),
      url,
      type: event.type,
      body: JSON.stringify(event),
      state: reserved ? 'not sent' : 'pending',
      outcome: reserved
        ? `not sent: ${reserved} is a reserved example name (RFC 2606), no receiver can be there`
        : 'not sent yet',
      attempts: [],
      ...(reserved ? {} : { nextAttemptAt: new Date().toISOString() }),
    };
    if (this.#records.push(record) > MAX_DELIVERIES) this.#forget(this.#records[0]!);
    this.options.onChange?.();
    if (reserved) return Promise.resolve((this.#ended(record), record));
    return this.#run(record, false);
  }

  /** One more attempt of the latest delivery with this webhook-id, now; undefined when there is none. */
  resend(webhookId: string): Promise<Delivery> | undefined {
    const record = this.#records.filter(r => r.webhookId === webhookId).at(-1);
    if (!record) return undefined;
    return record.state === 'not sent' ? Promise.resolve(record) : this.#run(record, true);
  }

  /** The records, oldest first. */
  list = (): readonly Delivery[] => [...this.#records];

  /** Forgets every record (a pending one is not tried again). */
  clear(): void {
    for (const record of [...this.#records]) this.#forget(record);
  }

  /** The records as plain data, for the state file. */
  snapshot = (): readonly Delivery[] => this.#records;

  /** Takes back saved records; a pending one is tried when it is due (at once if that has passed). */
  restore(records: readonly Delivery[]): void {
    for (const saved of records) {
      const record: DeliveryRecord = { ...saved, attempts: [...saved.attempts] };
      this.#records.push(record);
      if (record.state === 'pending') this.#schedule(record);
    }
  }

  /** Stops retries and in-flight requests; a pending delivery stays pending (for the next start). */
  async close(): Promise<void> {
    this.#stopped.abort();
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await Promise.allSettled([...this.#inFlight]);
  }

  #run(record: DeliveryRecord, resend: boolean): Promise<Delivery> {
    const done = this.#attempt(record, resend).then(() => record);
    this.#inFlight.add(done);
    void done.finally(() => this.#inFlight.delete(done));
    return done;
  }

  async #attempt(record: DeliveryRecord, resend: boolean) {
    if (this.#stopped.signal.aborted) return;
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    const signal = this.#stopped.signal;
    const post = () => postSigned(this.#signer, record, { signal, timeoutMs });
    const attempt = (await this.#slots.run(post, signal)) ?? this.#slots.notSent();
    if (this.#stopped.signal.aborted && !succeeded(attempt)) return; // cut by close: not the receiver's answer
    this.#keep(record, resend ? { ...attempt, resend: true } : attempt);
    if (succeeded(attempt)) {
      record.state = 'delivered';
      delete record.nextAttemptAt;
      clearTimeout(this.#timers.get(record));
      this.#timers.delete(record);
    } else if (!resend && record.state === 'pending') this.#next(record);
    if (record.state !== 'pending' || resend) this.#ended(record);
    this.options.onChange?.();
  }

  #keep(record: DeliveryRecord, attempt: DeliveryAttempt) {
    record.outcome = attempt.status ?? attempt.error ?? 'no answer';
    if (record.attempts.push(attempt) > MAX_ATTEMPTS) {
      const oldestResend = record.attempts.findIndex(a => a.resend);
      if (oldestResend >= 0) record.attempts.splice(oldestResend, 1);
    }
  }

  /** After a refused scheduled attempt: the next one on the schedule, or failed when none is left. */
  #next(record: DeliveryRecord) {
    const made = record.attempts.filter(a => !a.resend).length;
    const wait = this.#delays[made - 1];
    if (wait === undefined) {
      record.state = 'failed';
      delete record.nextAttemptAt;
      return;
    }
    record.nextAttemptAt = new Date(Date.now() + wait).toISOString();
    this.#schedule(record);
  }

  #schedule(record: DeliveryRecord) {
    const wait = Math.max(0, Date.parse(record.nextAttemptAt ?? '') - Date.now() || 0);
    const timer = setTimeout(() => {
      this.#timers.delete(record);
      void this.#run(record, false);
    }, wait);
    this.#timers.set(record, timer.unref());
  }

  #forget(record: DeliveryRecord) {
    clearTimeout(this.#timers.get(record));
    this.#timers.delete(record);
    this.#records.splice(this.#records.indexOf(record), 1);
  }

  #ended(d: DeliveryRecord) {
    const n = d.attempts.length;
    this.options.log?.(
      `webhook ${d.type} ${d.webhookId} -> ${d.url} ${d.outcome} (${n} attempt${n === 1 ? '' : 's'})`,
    );
  }
}
