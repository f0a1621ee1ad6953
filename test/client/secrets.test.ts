// The API key never appears in an error: not in its message, its fields, its stack, however it is
// serialized, even when the server or the platform echoes it back.
import { inspect } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClient, waitForVideo } from '../../src/client/index.ts';
import { verifyWebhook } from '../../src/client/webhooks.ts';
import { startServer, type Reply, type TestServer } from './server.ts';

const key = 'sk_live_5ecret_K3y_that_must_not_leak';
let server: TestServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.close());

function expectNoKey(error: unknown, secret = key) {
  expect(error).toBeInstanceOf(Error);
  for (const text of [
    JSON.stringify(error),
    String(error),
    (error as Error).stack,
    (error as Error).message,
    inspect(error, { depth: 10 }),
  ]) {
    expect(text).toBeDefined();
    expect(text).not.toContain(secret);
  }
}

const echo = `your key ${key} is revoked`;
const replies: [string, Reply][] = [
  [
    'api',
    {
      status: 401,
      headers: { 'x-request-id': 'req_s' },
      body: {
        error: {
          message: echo,
          type: 'authentication_error',
          code: 'invalid_api_key',
          param: key,
          doc_url: `https://d/${key}`,
          request_id: 'req_s',
          reason: key,
        },
      },
    },
  ],
  [
    'api_unknown',
    {
      status: 418,
      body: {
        error: {
          message: echo,
          type: 't',
          code: 'key_echo',
          param: null,
          doc_url: 'https://d',
          request_id: key,
          [key]: { nested: [key] },
        },
      },
    },
  ],
  [
    'invalid_response',
    { status: 500, headers: { 'content-type': `text/${key}`, 'x-request-id': key }, body: echo },
  ],
  ['invalid_response', { status: 200, headers: { 'content-type': 'text/html' }, body: echo }],
  ['connection', { destroy: true }],
  ['timeout', { hang: true }],
];

it.each(replies)('%s error does not carry the key', async (kind, reply) => {
  server.reply(reply);
  // Only the hanging reply should time out: the others get room to answer on a busy machine.
  const { error } = await createClient({
    apiKey: key,
    baseUrl: server.url,
    maxRetries: 0,
    timeout: kind === 'timeout' ? 100 : 15_000,
  }).GET('/v2/billing/balance');
  expect(error?.kind).toBe(kind);
  expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${key}`);
  expectNoKey(error);
});

it('the key is scrubbed from messages of the platform too (an invalid header value)', async () => {
  const bad = `${key}\nX`;
  server.reply({ status: 200, body: { balance: 1, currency: 'USD' } });
  const { error } = await createClient({
    apiKey: bad,
    baseUrl: server.url,
    maxRetries: 0,
    timeout: 15_000,
  }).GET('/v2/billing/balance');
  expect(server.requests).toHaveLength(0);
  expect(error?.kind).toBe('connection');
  expectNoKey(error);
  expectNoKey(error, bad);
});

it('aborted and wait errors do not carry the key', async () => {
  const client = createClient({ apiKey: key, baseUrl: server.url, maxRetries: 0 });
  expectNoKey((await client.GET('/v2/billing/balance', { signal: AbortSignal.abort() })).error);
  server.reply({
    status: 200,
    body: {
      id: 'vid_1',
      status: 'failed',
      model: 'm',
      error: { code: 'timeout', message: 'slow', retryable: true, refunded: true },
    },
  });
  const failed = await waitForVideo(client, 'vid_1');
  expect(failed.error?.kind).toBe('task_failed');
  expectNoKey(failed.error);
  server.reply({ status: 200, body: { id: 'vid_1', status: 'pending', model: 'm' } });
  const timedOut = await waitForVideo(client, 'vid_1', { interval: 10, timeout: 50 });
  expect(timedOut.error?.kind).toBe('timeout');
  expectNoKey(timedOut.error);
});

it('webhook errors carry neither the API key nor the webhook secret', () => {
  const secret = `whsec_${Buffer.from(key).toString('base64')}`;
  const result = verifyWebhook(secret, '{}', {
    'webhook-id': 'm',
    'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
    'webhook-signature': 'v1,AAAA',
  });
  expect(result.error?.reason).toBe('invalid_signature');
  expectNoKey(result.error);
  expectNoKey(result.error, secret);
});

// A key with characters that URL-encoding and JSON-escaping change, echoed back in each form.
const odd = 'sk_live_"Q\\x/+%=K3y';
const oddForms = {
  'URL-encoded': encodeURIComponent(odd),
  'URL-encoded, lower-case hex': encodeURIComponent(odd).toLowerCase(),
  'upper-cased': odd.toUpperCase(),
  'lower-cased': odd.toLowerCase(),
  'JSON-escaped': JSON.stringify(odd).slice(1, -1),
};

it.each(Object.entries(oddForms))('the key %s is scrubbed too', async (_form, echoed) => {
  server.reply({
    status: 401,
    headers: { 'x-request-id': 'req_f' },
    body: {
      error: {
        message: `your key ${echoed} is revoked`,
        type: 'authentication_error',
        code: 'invalid_api_key',
        param: null,
        doc_url: `https://d/?key=${echoed}`,
        request_id: 'req_f',
        [echoed]: echoed,
      },
    },
  });
  const { error } = await createClient({ apiKey: odd, baseUrl: server.url, maxRetries: 0 }).GET(
    '/v2/billing/balance',
  );
  expect(error?.kind).toBe('api');
  expect(error?.message).toBe('your key [redacted] is revoked');
  expectNoKey(error, echoed);
  expectNoKey(error, odd);
});
