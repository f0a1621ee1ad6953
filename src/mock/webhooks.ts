// Signed webhook deliveries (Standard Webhooks) and their records: the same webhook-id and body on
// every attempt, a fresh timestamp and signature per attempt, retries on the configured schedule on a
// non-2xx or no answer, and resends on request. The records are plain data kept here (the last
// 1,000), so that the state file saves them and a pending one is retried after a restart.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { newWebhookId } from '../kernel/ids.ts';
import { loadSpec } from '../kernel/index.ts';
import type { AllowedHost } from './webhooks/allow-list.ts';
import { postSigned } from './webhooks/attempt.ts';
import { succeeded, type Delivery, type DeliveryAttempt, type DeliveryRecord } from './webhooks/delivery.ts';
import { destinationOf, type Resolve } from './webhooks/destination.ts';
import { noOwnAddresses, type OwnAddresses } from './webhooks/own-addresses.ts';
import { scrubCredentials, withoutCredentials } from './webhooks/safe-url.ts';
import { DeliverySlots } from './webhooks/in-flight.ts';
import { contractRetryDelaysMs } from './webhooks/schedule.ts';

export type { Delivery, DeliveryAttempt } from './webhooks/delivery.ts';
export { reservedHost } from './webhooks/destination.ts';

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

const MAX_DELIVERIES = 1000;
/** Resends are made by hand, any number of times: past this many attempts the oldest resend goes. */
const MAX_ATTEMPTS = 100;

export interface WebhookSenderOptions {
  secret: string;
  /** Waits before each retry, in ms; the first attempt is immediate (default: the shipped contract's). */
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
  /** Attempts on the wire at once, and waiting for a slot (defaults: src/kernel/server-limits.ts). */
  maxDeliveriesInFlight?: number;
  maxDeliveriesQueued?: number;
  /** One line when a delivery ends, and per resend. */
  log?: (line: string) => void;
  /** A record was added or changed (the state file is told). */
  onChange?: () => void;
  /** Where the mock listens: never delivered to (default: nowhere, an in-process mock). */
  own?: OwnAddresses;
  /** The only hosts (and ports) deliveries may go to (default: any). */
  allow?: readonly AllowedHost[];
  /** Resolves a host name to every address (default: node:dns lookup). */
  resolve?: Resolve;
}

export type WebhookEvent = { type: string; [field: string]: unknown };

/** Posts signed events and keeps their records, oldest first. */
export class WebhookSender {
  readonly #signer: Webhook;
  readonly #delays: readonly number[];
  readonly #stopped = new AbortController();
  readonly #records: DeliveryRecord[] = [];
  readonly #timers = new Map<DeliveryRecord, NodeJS.Timeout>();
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #own: OwnAddresses;
  readonly #slots: DeliverySlots;

  constructor(private readonly options: WebhookSenderOptions) {
    this.#signer = new Webhook(options.secret);
    this.#slots = new DeliverySlots(
      this.#stopped.signal,
      options.maxDeliveriesInFlight,
      options.maxDeliveriesQueued,
    );
    this.#delays = options.retryDelaysMs ?? contractRetryDelaysMs(loadSpec());
    this.#own = options.own ?? noOwnAddresses();
  }

  /** Records a delivery and makes its first attempt; resolves when that attempt is done (retries follow). */
  send(url: string, event: WebhookEvent): Promise<Delivery> {
    const record: DeliveryRecord = {
      webhookId: newWebhookId(),
      url,
      type: event.type,
      body: JSON.stringify(event),
      state: 'pending',
      outcome: 'not sent yet',
      attempts: [],
      nextAttemptAt: new Date().toISOString(),
    };
    if (this.#records.push(record) > MAX_DELIVERIES) this.#forget(this.#records[0]!);
    this.options.onChange?.();
    return this.#run(record, false);
  }

  /** One more attempt of the latest delivery with this webhook-id, now; undefined when there is none. */
  resend(webhookId: string): Promise<Delivery> | undefined {
    const record = this.#records.filter(r => r.webhookId === webhookId).at(-1);
    if (!record) return undefined;
    return record.state === 'not sent' ? Promise.resolve(shown(record)) : this.#run(record, true);
  }

  /** The records, oldest first, as they may be shown (no URL credentials). */
  list = (): readonly Delivery[] => this.#records.map(shown);

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
    const done = this.#attempt(record, resend).then(() => shown(record));
    this.#inFlight.add(done);
    void done.finally(() => this.#inFlight.delete(done));
    return done;
  }

  async #attempt(record: DeliveryRecord, resend: boolean) {
    if (this.#stopped.signal.aborted) return;
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    const to = await destinationOf(record.url, { ...this.options, own: this.#own });
    if (to.kind === 'refused' && record.attempts.length === 0) return this.#notSent(record, to.reason);
    const signal = this.#stopped.signal;
    const attempt =
      to.kind === 'refused'
        ? { at: new Date().toISOString(), headers: {}, error: `not sent: ${to.reason}` }
        : ((await this.#slots.run(() => postSigned(this.#signer, record, to, { signal, timeoutMs }))) ??
          this.#slots.notSent());
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

  /** Refused before any attempt: recorded with the reason, never tried again. */
  #notSent(record: DeliveryRecord, reason: string) {
    record.state = 'not sent';
    record.outcome = `not sent: ${reason}`;
    delete record.nextAttemptAt;
    this.#ended(record);
    this.options.onChange?.();
  }

  #keep(record: DeliveryRecord, made: DeliveryAttempt) {
    const attempt = made.error ? { ...made, error: scrubCredentials(made.error, record.url) } : made;
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
      `webhook ${d.type} ${d.webhookId} -> ${withoutCredentials(d.url)} ${d.outcome} (${n} attempt${n === 1 ? '' : 's'})`,
    );
  }
}

/** A record as it may be shown: a copy, its URL without credentials. */
const shown = (record: DeliveryRecord): Delivery => ({ ...record, url: withoutCredentials(record.url) });
