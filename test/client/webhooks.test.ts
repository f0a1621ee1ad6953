// The webhook receiver: a signed delivery is posted to a local node:http endpoint that verifies it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import spec from '../../generated/openapi.json' with { type: 'json' };
import { verifyWebhook, type WebhookResult } from '../../src/client/webhooks.ts';

const secret = `whsec_${Buffer.from('a test secret of 32 bytes, ok!!!').toString('base64')}`;
const examples = spec.components.examples as Record<string, { value: unknown }>;
const completed = JSON.stringify(examples.video_completed_event!.value);
const failed = JSON.stringify(examples.video_failed_event!.value);

/** Headers of a delivery signed with `key` at `at` (seconds). */
function sign(body: string, { key = secret, at = Math.floor(Date.now() / 1000), id = 'msg_1' } = {}) {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(at),
    'webhook-signature': new Webhook(key).sign(id, new Date(at * 1000), body),
  };
}

// The receiver: raw body in, the verification result out as JSON.
let url: string;
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const result = verifyWebhook(secret, Buffer.concat(chunks), req.headers);
    res.writeHead(result.error ? 400 : 204, { 'content-type': 'application/json' });
    res.end(
      result.error
        ? JSON.stringify({
            reason: result.error.reason,
            kind: result.error.kind,
            webhookId: result.error.webhookId,
          })
        : undefined,
    );
  });
});
beforeAll(async () => {
  await new Promise<void>(r => receiver.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>(r => receiver.close(() => r())));
const deliver = async (body: string, headers: Record<string, string>) => {
  const res = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
  return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
};

describe('a delivery over HTTP', () => {
  it('signed correctly is accepted (204)', async () => {
    expect(await deliver(completed, sign(completed))).toEqual({ status: 204, body: undefined });
  });
  it('with a forged signature is rejected (400, invalid_signature)', async () => {
    const forged = sign(completed, { key: `whsec_${Buffer.from('another secret').toString('base64')}` });
    expect(await deliver(completed, forged)).toEqual({
      status: 400,
      body: { kind: 'webhook', reason: 'invalid_signature', webhookId: 'msg_1' },
    });
  });
});

describe('verifyWebhook', () => {
  const expectError = (result: WebhookResult, reason: string) => {
    expect(result.event).toBeUndefined();
    expect(result.error).toMatchObject({ kind: 'webhook', reason });
    expect(result.error).toBeInstanceOf(Error);
  };

  it('returns the typed completed event', () => {
    const result = verifyWebhook(secret, completed, sign(completed, { id: 'msg_c' }));
    expect(result).toEqual({ event: JSON.parse(completed), id: 'msg_c' });
    if (result.event?.type === 'video.generation.completed')
      expect(result.event.data.data[0]?.url).toMatch(/^https:/);
    else expect.unreachable();
  });

  it('returns the typed failed event, from a Headers object too', () => {
    const result = verifyWebhook(secret, failed, new Headers(sign(failed)));
    if (result.event?.type !== 'video.generation.failed') return expect.unreachable();
    expect(result.event.data.error).toMatchObject({
      code: 'output_rejected',
      retryable: false,
      refunded: true,
    });
  });

  it('accepts any of several signatures (secret rotation)', () => {
    const headers = sign(completed);
    const old = sign(completed, { key: `whsec_${Buffer.from('the old secret').toString('base64')}` });
    headers['webhook-signature'] = `${old['webhook-signature']} ${headers['webhook-signature']}`;
    expect(verifyWebhook(secret, completed, headers).error).toBeUndefined();
  });

  it('rejects a body changed after signing', () => {
    expectError(
      verifyWebhook(secret, completed.replace('completed', 'failed'), sign(completed)),
      'invalid_signature',
    );
  });

  it('rejects a timestamp older than 5 minutes, or more than 5 minutes ahead', () => {
    const now = Math.floor(Date.now() / 1000);
    expectError(verifyWebhook(secret, completed, sign(completed, { at: now - 301 })), 'stale_timestamp');
    expectError(verifyWebhook(secret, completed, sign(completed, { at: now + 301 })), 'stale_timestamp');
    expect(verifyWebhook(secret, completed, sign(completed, { at: now - 290 })).error).toBeUndefined();
  });

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])('rejects a delivery without %s', name => {
    const headers: Record<string, string | undefined> = sign(completed);
    delete headers[name];
    expectError(verifyWebhook(secret, completed, headers), 'missing_headers');
  });

  it('rejects a timestamp that is not a number', () => {
    expectError(
      verifyWebhook(secret, completed, { ...sign(completed), 'webhook-timestamp': 'yesterday' }),
      'missing_headers',
    );
  });

  it('rejects a signed body that is not JSON', () => {
    const body = 'hello, not json';
    expectError(verifyWebhook(secret, body, sign(body)), 'invalid_json');
  });

  it.each([
    ['an unknown event type', { ...JSON.parse(completed), type: 'video.generation.exploded' }],
    [
      'a completed event without data',
      { ...JSON.parse(completed), data: { ...JSON.parse(completed).data, data: undefined } },
    ],
    [
      'a failed event whose error lacks refunded',
      {
        ...JSON.parse(failed),
        data: { ...JSON.parse(failed).data, error: { code: 'x', message: 'y', retryable: false } },
      },
    ],
    [
      'a completed type around a failed generation',
      { ...JSON.parse(failed), type: 'video.generation.completed' },
    ],
    ['an array', [JSON.parse(completed)]],
  ])('rejects %s as invalid_payload', (_name, payload) => {
    const body = JSON.stringify(payload);
    expectError(verifyWebhook(secret, body, sign(body)), 'invalid_payload');
  });

  it.each([
    [
      'a parsed body',
      JSON.parse(completed),
      'body must be the raw request body, a string or bytes, got a value of type object: verify before parsing it',
    ],
    [
      'no body',
      undefined,
      'body must be the raw request body, a string or bytes, got a value of type undefined: verify before parsing it',
    ],
  ])('throws a TypeError for %s, naming the argument', (_name, body, message) => {
    expect(() => verifyWebhook(secret, body as string, sign(completed))).toThrow(
      new TypeError(`verifyWebhook: ${message}`),
    );
  });

  it.each([
    [null, 'null'],
    ['webhook-id: msg_1', 'a value of type string'],
  ])('throws a TypeError for headers that are %s', (headers, got) => {
    expect(() => verifyWebhook(secret, completed, headers as never)).toThrow(
      new TypeError(`verifyWebhook: headers must be a Headers or an object, got ${got}`),
    );
  });

  it('reports a secret that is not whsec_<base64>', () => {
    expectError(verifyWebhook('whsec_', completed, sign(completed)), 'invalid_secret');
  });
});
