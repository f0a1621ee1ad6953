// One attempt of a delivery: a POST signed as Standard Webhooks says (a fresh timestamp and
// signature each time, the same webhook-id), and what came back, cut to its first bytes. Made with
// node:http to the addresses the destination check resolved (no second lookup), on a connection of
// its own, and never following a redirect: a 3xx is the receiver's answer, a failed attempt.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { Webhook } from 'standardwebhooks';
import type { DeliveryAttempt } from './delivery.ts';

/** How much of the receiver's answer is kept: enough to see what it said, bounded. */
export const ANSWER_BYTES = 512;

export interface AttemptTarget {
  readonly webhookId: string;
  readonly body: string;
}

/** Where to connect: the URL (its credentials sent as Basic auth) and its checked addresses. */
export interface ResolvedUrl {
  readonly url: URL;
  readonly addresses: readonly LookupAddress[];
}

/** A lookup that answers with the checked addresses only. */
const pinned =
  (addresses: readonly LookupAddress[]): LookupFunction =>
  (_host, options, callback) => {
    if (options.all) return callback(null, [...addresses]);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  };

/** The first `max` bytes of the answer's body, as text; the rest is not read. */
function firstBytes(response: IncomingMessage, max: number): Promise<string> {
  return new Promise(resolve => {
    const chunks: Buffer[] = [];
    let size = 0;
    // An answer cut short: what was read is what it said.
    const done = () => {
      response.destroy();
      resolve(Buffer.concat(chunks).subarray(0, max).toString('utf8'));
    };
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if ((size += chunk.length) >= max) done();
    });
    response.once('end', done).once('error', done).once('aborted', done);
  });
}

/** The error's message, with its cause when it has one. */
function reason(error: unknown): string {
  const { message, cause } = error as Error & { cause?: Error };
  return cause?.message ? `${message}: ${cause.message}` : message;
}

function post(to: ResolvedUrl, headers: Record<string, string>, body: string, signal: AbortSignal) {
  const send = to.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<{ status: number; answer: string }>((resolve, reject) => {
    const req = send(to.url, {
      method: 'POST',
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      ...{ agent: false, lookup: pinned(to.addresses), signal },
    });
    req.once('error', reject);
    req.once('response', response => {
      void firstBytes(response, ANSWER_BYTES).then(answer =>
        resolve({ status: response.statusCode!, answer }),
      );
    });
    req.end(body);
  });
}

export async function postSigned(
  signer: Webhook,
  target: AttemptTarget,
  to: ResolvedUrl,
  options: { signal: AbortSignal; timeoutMs: number },
): Promise<DeliveryAttempt> {
  const at = new Date();
  const headers = {
    'content-type': 'application/json',
    'webhook-id': target.webhookId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signer.sign(target.webhookId, at, target.body),
  };
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]);
  try {
    const { status, answer } = await post(to, headers, target.body, signal);
    return { at: at.toISOString(), headers, status, answer };
  } catch (error) {
    return { at: at.toISOString(), headers, error: reason(error) };
  }
}
