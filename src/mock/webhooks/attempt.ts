// One attempt of a delivery: a POST signed as Standard Webhooks says (a fresh timestamp and
// signature each time, the same webhook-id), and what came back, cut to its first bytes.
import type { Webhook } from 'standardwebhooks';
import type { DeliveryAttempt } from './delivery.ts';

/** How much of the receiver's answer is kept: enough to see what it said, bounded. */
export const ANSWER_BYTES = 512;

export interface AttemptTarget {
  readonly url: string;
  readonly webhookId: string;
  readonly body: string;
}

/** The first `max` bytes of the answer's body, as text; the rest is not read. */
async function firstBytes(response: Response, max: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // An answer cut short: what was read is what it said.
  }
  void reader.cancel().catch(() => {});
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, max));
}

/** The error's message, with its cause (fetch says only "fetch failed"; the cause says why). */
function reason(error: unknown): string {
  const { message, cause } = error as Error & { cause?: Error };
  return cause?.message ? `${message}: ${cause.message}` : message;
}

export async function postSigned(
  signer: Webhook,
  target: AttemptTarget,
  options: { signal: AbortSignal; timeoutMs: number },
): Promise<DeliveryAttempt> {
  const at = new Date();
  const headers = {
    'content-type': 'application/json',
    'webhook-id': target.webhookId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signer.sign(target.webhookId, at, target.body),
  };
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers,
      body: target.body,
      signal: AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]),
    });
    const answer = await firstBytes(response, ANSWER_BYTES);
    return { at: at.toISOString(), headers, status: response.status, answer };
  } catch (error) {
    return { at: at.toISOString(), headers, error: reason(error) };
  }
}
