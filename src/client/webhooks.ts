// Receiving webhooks (server side; a separate entry so the browser client does not carry it).
// Deliveries are signed as Standard Webhooks: HMAC-SHA256 over `{webhook-id}.{webhook-timestamp}.{body}`.
import { Webhook } from 'standardwebhooks';
import type { components } from '../../generated/schema.ts';
import { makeError } from './errors.ts';
import { isObject } from '../kernel/json.ts';
import { lowerCaseHeaders } from '../kernel/headers.ts';

type Schemas = components['schemas'];
export type WebhookEvent = Schemas['VideoGenerationCompletedEvent'] | Schemas['VideoGenerationFailedEvent'];

export type WebhookError = Error & {
  kind: 'webhook';
  reason:
    | 'invalid_secret'
    | 'missing_headers'
    | 'stale_timestamp'
    | 'invalid_signature'
    | 'invalid_json'
    | 'invalid_payload';
  message: string;
  /** `webhook-id` of the delivery, when it had one. */
  webhookId: string | undefined;
};

export type WebhookResult =
  { event: WebhookEvent; id: string; error?: undefined } | { event?: undefined; error: WebhookError };

/** Deliveries older (or further in the future) than this are rejected as replays. */
export const webhookTolerance = 5 * 60;

/** The delivery's headers: a fetch `Headers`, or a Node-style object (`req.headers`). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/**
 * Verifies a delivery and returns its typed event. `body` must be the raw request body, unparsed
 * (a re-serialized JSON body does not match the signature). `secret` is the endpoint's `whsec_...`.
 */
export function verifyWebhook(
  secret: string,
  body: string | Uint8Array,
  headers: WebhookHeaders,
): WebhookResult {
  // A parsed body (express.json() before this) can never verify: say so, at once, as a mistake in code.
  if (typeof body !== 'string' && !(body instanceof Uint8Array))
    throw new TypeError(
      `verifyWebhook: body must be the raw request body, a string or bytes, got ${described(body)}: verify before parsing it`,
    );
  if (typeof headers !== 'object' || headers === null)
    throw new TypeError(`verifyWebhook: headers must be a Headers or an object, got ${described(headers)}`);
  const h: Record<string, string | undefined> = lowerCaseHeaders(headers, 'first');
  const id = h['webhook-id'];
  const fail = (reason: WebhookError['reason'], message: string) => ({
    error: makeError({ kind: 'webhook' as const, reason, message, webhookId: id }),
  });

  let webhook: Webhook;
  try {
    webhook = new Webhook(secret);
  } catch {
    return fail('invalid_secret', 'The webhook secret is not a whsec_<base64> secret');
  }
  const timestamp = h['webhook-timestamp'];
  if (!id || !timestamp || !h['webhook-signature'] || !/^\d+$/.test(timestamp)) {
    return fail(
      'missing_headers',
      'Missing or malformed webhook-id, webhook-timestamp or webhook-signature header',
    );
  }
  if (Math.abs(Math.floor(Date.now() / 1000) - Number(timestamp)) > webhookTolerance) {
    return fail('stale_timestamp', `Webhook timestamp is more than ${webhookTolerance} s away from now`);
  }
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  try {
    webhook.verify(text, h as Record<string, string>, { jsonParse: false });
  } catch {
    return fail('invalid_signature', 'No webhook signature matches the secret');
  }
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    return fail('invalid_json', 'Webhook body is not JSON');
  }
  return isEvent(event)
    ? { event, id }
    : fail('invalid_payload', 'Webhook body is not a video generation event of the contract');
}

/** Hand-written check of the fields a receiver relies on (the full schema is checked in the contract tests). */
function isEvent(v: unknown): v is WebhookEvent {
  if (!isObject(v) || typeof v.timestamp !== 'string' || !isObject(v.data)) return false;
  const g = v.data;
  if (typeof g.id !== 'string' || typeof g.model !== 'string') return false;
  if (v.type === 'video.generation.completed')
    return g.status === 'completed' && Array.isArray(g.data) && isObject(g.usage);
  const e = g.error;
  return (
    v.type === 'video.generation.failed' &&
    g.status === 'failed' &&
    isObject(e) &&
    typeof e.code === 'string' &&
    typeof e.message === 'string' &&
    typeof e.retryable === 'boolean' &&
    typeof e.refunded === 'boolean'
  );
}

const described = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a value of type ${typeof value}`;
