// Responses that break the contract, and failures with no response at all, each become a distinct
// typed error: never a throw, never a raw string.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/client/index.ts';
import { startServer, type Reply, type TestServer } from './server.ts';

let server: TestServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.close());
const client = (timeout = 2000) =>
  createClient({ apiKey: 'sk_test_malformed', baseUrl: server.url, maxRetries: 0, timeout });
const balance = (c = client()) => c.GET('/v2/billing/balance');

const envelope = {
  error: {
    message: 'x',
    type: 'server_error',
    code: 'server_error',
    param: null,
    doc_url: 'https://d',
    request_id: 'req_1',
  },
};

describe('a response that breaks the contract', () => {
  const cases: [string, Reply, string][] = [
    [
      'an HTML error page',
      {
        status: 502,
        headers: { 'content-type': 'text/html' },
        body: '<html><body>Bad gateway</body></html>',
      },
      'wrong_content_type',
    ],
    ['a non-JSON body sent as JSON', { status: 500, body: 'Internal Server Error' }, 'invalid_json'],
    ['truncated JSON', { status: 400, body: '{"error": {"message": "Missing' }, 'invalid_json'],
    ['an empty body', { status: 503 }, 'empty_body'],
    [
      'an envelope with the wrong content-type',
      { status: 500, headers: { 'content-type': 'text/plain' }, body: envelope },
      'wrong_content_type',
    ],
    [
      'a body without content-type',
      { status: 500, headers: { 'content-type': null }, body: envelope },
      'wrong_content_type',
    ],
    ['JSON that is not the envelope', { status: 404, body: { message: 'not found' } }, 'not_envelope'],
    [
      'an envelope missing request_id',
      { status: 400, body: { error: { ...envelope.error, request_id: undefined } } },
      'not_envelope',
    ],
    [
      'an envelope with a numeric code',
      { status: 400, body: { error: { ...envelope.error, code: 42 } } },
      'not_envelope',
    ],
    ['a JSON array', { status: 500, body: [envelope] }, 'not_envelope'],
    [
      'a 2xx HTML body',
      { status: 200, headers: { 'content-type': 'text/html' }, body: '<p>hi</p>' },
      'wrong_content_type',
    ],
    ['a 2xx non-JSON body sent as JSON', { status: 200, body: 'OK' }, 'invalid_json'],
    ['a 2xx truncated JSON body', { status: 200, body: '{"balance": 4' }, 'invalid_json'],
    ['a 2xx empty body', { status: 200 }, 'empty_body'],
    [
      'a 2xx JSON body with the wrong content-type',
      { status: 200, headers: { 'content-type': 'text/plain' }, body: { balance: 1, currency: 'USD' } },
      'wrong_content_type',
    ],
  ];
  it.each(cases)('%s is invalid_response (%s)', async (_name, reply, reason) => {
    server.reply({ ...reply, headers: { 'x-request-id': 'req_hdr', ...reply.headers } });
    const result = await balance();
    expect(result.data).toBeUndefined();
    expect(result.error).toMatchObject({
      kind: 'invalid_response',
      reason,
      status: reply.status,
      requestId: 'req_hdr',
    });
    expect(result.error).toBeInstanceOf(Error);
    expect(result.response?.status).toBe(reply.status);
  });

  it('a 502 HTML page is retryable, a 2xx never is', async () => {
    server.reply({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html/>' });
    expect((await balance()).error?.retryable).toBe(true);
    server.reply({ status: 200, body: 'OK' });
    expect((await balance()).error?.retryable).toBe(false);
  });

  it('a valid answer still passes', async () => {
    server.reply({
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: { balance: 42.5, currency: 'USD' },
    });
    const { data, error } = await balance();
    expect(error).toBeUndefined();
    expect(data).toEqual({ balance: 42.5, currency: 'USD' });
  });
});

describe('no response', () => {
  it('a closed socket is a connection error', async () => {
    server.reply({ destroy: true });
    const { error, response } = await balance();
    expect(error).toMatchObject({
      kind: 'connection',
      retryable: true,
      status: undefined,
      requestId: undefined,
    });
    expect(error?.message).toMatch(/^Connection failed/);
    expect(response).toBeUndefined();
  });

  it('a 407 is a connection error: fetch itself refuses it', async () => {
    server.reply({ status: 407, body: 'proxy' });
    expect((await balance()).error).toMatchObject({ kind: 'connection', status: undefined });
  });

  it('a refused connection is a connection error', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>(r => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as { port: number }).port;
    await new Promise(r => probe.close(r));
    const { error } = await createClient({
      apiKey: 'sk_test_refused',
      baseUrl: `http://127.0.0.1:${port}`,
      maxRetries: 0,
    }).GET('/v2/billing/balance');
    expect(error).toMatchObject({ kind: 'connection', retryable: true });
  });

  it('a server that does not answer in time is a timeout', async () => {
    server.reply({ hang: true });
    const { error } = await balance(client(100));
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 100, retryable: true });
  });

  it('an abort by the caller is aborted, before or during the request', async () => {
    server.reply({ hang: true });
    const controller = new AbortController();
    const pending = client().GET('/v2/billing/balance', { signal: controller.signal });
    // Abort once the request is in flight (the server has it), whatever the machine's load.
    await vi.waitUntil(() => server.requests.length === 1, { timeout: 15_000 });
    controller.abort();
    expect((await pending).error).toMatchObject({ kind: 'aborted', retryable: false });
    expect(server.requests).toHaveLength(1);
    expect((await client().GET('/v2/billing/balance', { signal: AbortSignal.abort() })).error).toMatchObject({
      kind: 'aborted',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('a fetch that throws something odd is still a typed error', async () => {
    const c = createClient({
      apiKey: 'sk_test_odd',
      baseUrl: server.url,
      maxRetries: 0,
      fetch: () => Promise.reject('a string'),
    });
    expect((await c.GET('/v2/billing/balance')).error).toMatchObject({
      kind: 'connection',
      message: 'Connection failed: a string',
    });
  });
});
