// Retries, timed with fake timers: the waits asserted are the clock's, measured by the server as the
// gaps between the arrivals of the attempts.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorCatalogue, retryableStatuses, type ErrorCode } from '../../generated/catalogue.ts';
import { createClient, type ClientOptions } from '../../src/client/index.ts';
import { drive } from './drive.ts';
import { httpFetch } from './http-fetch.ts';
import { startServer, type Reply, type TestServer } from './server.ts';

let server: TestServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.close());
beforeEach(() => {
  // Only the clock and its timers are fake; I/O (and setImmediate, used below) stay real.
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'Date'],
    now: Date.parse('2026-11-22T10:00:00Z'),
  });
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

// No per-attempt timer (timeout: Infinity) and a fetch without timers of its own: every fake timer
// is then a wait of the client between attempts.
const client = (options: ClientOptions = {}) =>
  createClient({
    apiKey: 'sk_test_retry',
    baseUrl: server.url,
    timeout: Infinity,
    fetch: httpFetch,
    ...options,
  });

const waits = () => server.requests.slice(1).map((r, i) => r.at - server.requests[i]!.at);

function errorReply(code: ErrorCode, headers: Record<string, string> = {}): Reply {
  const entry = errorCatalogue[code];
  return {
    status: entry.status,
    headers,
    body: {
      error: {
        message: code,
        type: entry.type,
        code,
        param: null,
        doc_url: entry.docUrl,
        request_id: 'req_r',
      },
    },
  };
}
const ok: Reply = { status: 200, body: { balance: 1, currency: 'USD' } };
const balance = (options?: ClientOptions) => drive(client(options).GET('/v2/billing/balance'));

describe('what is retried', () => {
  const codes = Object.keys(errorCatalogue) as ErrorCode[];
  it.each(codes)('%s: retried only if the catalogue says so', async code => {
    server.reply([errorReply(code, { 'retry-after': '1' }), ok]);
    const { data, error } = await balance();
    if (errorCatalogue[code].retryable) {
      expect(error).toBeUndefined();
      expect(data).toEqual({ balance: 1, currency: 'USD' });
      expect(server.requests).toHaveLength(2);
    } else {
      expect(error).toMatchObject({ kind: 'api', code });
      expect(server.requests).toHaveLength(1);
    }
  });

  it.each([400, 404, 418, 429, 500, 503, 504])(
    'an unknown code on %i: retried if the status is retryable',
    async status => {
      const body = {
        error: {
          message: 'm',
          type: 't',
          code: 'brand_new',
          param: null,
          doc_url: 'https://d',
          request_id: 'r',
        },
      };
      server.reply({ status, headers: { 'retry-after': '0' }, body });
      await balance({ maxRetries: 1 });
      expect(server.requests).toHaveLength(retryableStatuses.includes(status) ? 2 : 1);
    },
  );

  it('a connection failure is retried, and the attempts are bounded', async () => {
    server.reply({ destroy: true });
    const { error } = await balance({ maxRetries: 3 });
    expect(error).toMatchObject({ kind: 'connection' });
    expect(server.requests).toHaveLength(4);
  });
});

describe('how long it waits', () => {
  it('Retry-After in seconds', async () => {
    server.reply([
      errorReply('rate_limit', { 'retry-after': '3' }),
      errorReply('service_unavailable', { 'retry-after': '7' }),
      ok,
    ]);
    expect((await balance()).error).toBeUndefined();
    expect(waits()).toEqual([3000, 7000]);
  });

  it('Retry-After as an HTTP date', async () => {
    server.reply([errorReply('rate_limit', { 'retry-after': 'Sun, 22 Nov 2026 10:00:12 GMT' }), ok]);
    await balance();
    expect(waits()).toEqual([12_000]);
  });

  it('X-RateLimit-Reset when a 429 has no Retry-After', async () => {
    server.reply([errorReply('rate_limit', { 'x-ratelimit-reset': '5', 'x-ratelimit-remaining': '0' }), ok]);
    await balance();
    expect(waits()).toEqual([5000]);
  });

  it('exponential backoff with jitter, capped, without advice', async () => {
    // Math.random() = 0.5: each wait is 87.5% of min(500 * 2^n, 4000), in whole ms.
    server.reply(errorReply('server_error'));
    const { error } = await balance({ maxRetries: 5, maxDelay: 4000 });
    expect(error).toMatchObject({ kind: 'api', code: 'server_error' });
    expect(waits()).toEqual([438, 875, 1750, 3500, 3500]);
    expect(server.requests).toHaveLength(6);
  });

  it('jitter takes up to 25% off', async () => {
    vi.mocked(Math.random).mockReturnValue(0.999);
    server.reply([errorReply('bad_gateway'), ok]);
    await balance();
    expect(waits()).toEqual([375]);
  });

  it('an absurd Retry-After ends the retries at once instead of hanging', async () => {
    server.reply(errorReply('rate_limit', { 'retry-after': '86400' }));
    const started = Date.now();
    const { error } = await balance({ maxRetries: 5 });
    expect(error).toMatchObject({ kind: 'api', code: 'rate_limit', retryAfter: 86400 });
    expect(server.requests).toHaveLength(1);
    expect(Date.now() - started).toBe(0);
  });

  it('a Retry-After of 60 s on a default client hands the 429 back at once, not after two sleeps', async () => {
    server.reply(errorReply('rate_limit', { 'retry-after': '60' }));
    const started = Date.now();
    const { error } = await balance();
    expect(error).toMatchObject({ kind: 'api', code: 'rate_limit', retryAfter: 60 });
    expect(server.requests).toHaveLength(1);
    // The clock is fake: it moves only when a timer the client set is run.
    expect(Date.now() - started).toBe(0);
  });

  it('maxRetryWait (30 s by default) bounds the waits of a call in all', async () => {
    server.reply([...Array(2).fill(errorReply('rate_limit', { 'retry-after': '20' })), ok]);
    expect((await balance()).error).toMatchObject({ code: 'rate_limit', retryAfter: 20 });
    expect(waits()).toEqual([20_000]);
  });

  it('maxRetryWait raised, per client or per call, sleeps through the advice', async () => {
    const limited = [...Array(2).fill(errorReply('rate_limit', { 'retry-after': '60' })), ok];
    server.reply(limited);
    expect((await balance({ maxRetryWait: 120_000 })).data).toEqual(ok.body);
    expect(waits()).toEqual([60_000, 60_000]);
    server.reply(limited);
    const call = client().GET('/v2/billing/balance', { maxRetryWait: 120_000 });
    expect((await drive(call)).data).toEqual(ok.body);
    expect(server.requests).toHaveLength(3);
  });

  it('no sleep is longer than a timer holds: a huge Retry-After is not a 1 ms timer', async () => {
    server.reply(errorReply('rate_limit', { 'retry-after': '1000000000' }));
    const controller = new AbortController();
    const pending = client({ maxRetryWait: Infinity }).GET('/v2/billing/balance', {
      signal: controller.signal,
    });
    let settled = false;
    void pending.finally(() => (settled = true));
    while (!settled && vi.getTimerCount() === 0) await new Promise(r => setImmediate(r));
    await vi.advanceTimersByTimeAsync(2 ** 31 - 2);
    expect(server.requests).toHaveLength(1);
    controller.abort();
    expect((await pending).error).toMatchObject({ kind: 'aborted' });
  });

  it('an abort during a wait ends the call as aborted', async () => {
    server.reply(errorReply('rate_limit', { 'retry-after': '30' }));
    const controller = new AbortController();
    const pending = client().GET('/v2/billing/balance', { signal: controller.signal });
    while (vi.getTimerCount() === 0) await new Promise(r => setImmediate(r));
    controller.abort();
    expect((await pending).error).toMatchObject({ kind: 'aborted' });
    expect(server.requests).toHaveLength(1);
  });

  it('a per-call maxRetries overrides the client', async () => {
    server.reply(errorReply('server_error'));
    await drive(client({ maxRetries: 5 }).GET('/v2/billing/balance', { maxRetries: 1 }));
    expect(server.requests).toHaveLength(2);
  });
});

describe('Idempotency-Key', () => {
  const body = { model: 'seedance-v1-pro', prompt: 'a lighthouse' };
  const created: Reply = { status: 202, body: { id: 'vid_1', status: 'pending' } };

  it('a POST sends one key, the same on every retry', async () => {
    server.reply([errorReply('server_error'), { destroy: true }, created]);
    const { data } = await drive(client().POST('/v2/videos/generations', { body }));
    expect(data).toEqual({ id: 'vid_1', status: 'pending' });
    const keys = server.requests.map(r => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(1);
    expect(server.requests.map(r => JSON.parse(r.body))).toEqual([body, body, body]);
  });

  it('two calls send two keys', async () => {
    server.reply(created);
    await drive(client().POST('/v2/videos/generations', { body }));
    await drive(client().POST('/v2/videos/generations', { body }));
    expect(server.requests[0]!.headers['idempotency-key']).not.toBe(
      server.requests[1]!.headers['idempotency-key'],
    );
  });

  it("the caller's key is kept, in params or in headers", async () => {
    server.reply([errorReply('bad_gateway'), created]);
    await drive(
      client().POST('/v2/videos/generations', { body, params: { header: { 'Idempotency-Key': 'mine-1' } } }),
    );
    expect(server.requests.map(r => r.headers['idempotency-key'])).toEqual(['mine-1', 'mine-1']);
    server.reply([errorReply('bad_gateway'), created]);
    await drive(client().POST('/v2/videos/generations', { body, headers: { 'idempotency-key': 'mine-2' } }));
    expect(server.requests.map(r => r.headers['idempotency-key'])).toEqual(['mine-2', 'mine-2']);
  });

  it('a GET sends none; every request sends the key as a Bearer token', async () => {
    server.reply(ok);
    await balance();
    expect(server.requests[0]!.headers['idempotency-key']).toBeUndefined();
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk_test_retry');
  });
});
