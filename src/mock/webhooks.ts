// Signed webhook deliveries (Standard Webhooks): the same webhook-id on every attempt, a fresh
// timestamp and signature per attempt, a few retries with backoff on a non-2xx or no answer.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { newWebhookId } from '../kernel/ids.ts';

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

export interface Delivery {
  readonly url: string;
  readonly webhookId: string;
  readonly type: string;
  /** Status of the last attempt, or the network error. */
  readonly outcome: number | string;
  readonly attempts: number;
}

export interface WebhookSenderOptions {
  secret: string;
  /** Waits before each retry; the first attempt is immediate. */
  retryDelaysMs?: number[];
  timeoutMs?: number;
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

/** Posts signed events; each `send` resolves with the delivery's record once it is done. */
export class WebhookSender {
  readonly #signer: Webhook;
  readonly #delays: number[];
  readonly #stopped = new AbortController();
  readonly #pending = new Set<Promise<Delivery>>();

  constructor(private readonly options: WebhookSenderOptions) {
    this.#signer = new Webhook(options.secret);
    this.#delays = options.retryDelaysMs ?? [1000, 5000];
  }

  send(url: string, event: WebhookEvent): Promise<Delivery> {
    const p = this.#deliver(url, event);
    this.#pending.add(p);
    void p.finally(() => this.#pending.delete(p));
    return p;
  }

  /** Stops retries and in-flight requests. */
  async close(): Promise<void> {
    this.#stopped.abort();
    await Promise.allSettled([...this.#pending]);
  }

  async #deliver(url: string, event: WebhookEvent): Promise<Delivery> {
    const webhookId = newWebhookId();
    const payload = JSON.stringify(event);
    let outcome: number | string = 'not sent';
    let attempts = 0;
    const reserved = reservedHost(url);
    if (reserved)
      outcome = `not sent: ${reserved} is a reserved example name (RFC 2606), no receiver can be there`;
    for (const delay of reserved ? [] : [0, ...this.#delays]) {
      if (delay > 0) await new Promise(resolve => setTimeout(resolve, delay).unref());
      if (this.#stopped.signal.aborted) break;
      attempts++;
      outcome = await this.#attempt(url, webhookId, payload);
      if (typeof outcome === 'number' && outcome >= 200 && outcome < 300) break;
    }
    return { url, webhookId, type: event.type, outcome, attempts };
  }

  async #attempt(url: string, webhookId: string, payload: string): Promise<number | string> {
    const timestamp = new Date();
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': webhookId,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': this.#signer.sign(webhookId, timestamp, payload),
        },
        body: payload,
        signal: AbortSignal.any([
          this.#stopped.signal,
          AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        ]),
      });
      await response.body?.cancel();
      return response.status;
    } catch (error) {
      return (error as Error).message;
    }
  }
}
