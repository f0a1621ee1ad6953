// waitForVideo against a local server, under fake timers: each terminal state, the rate limit,
// cancellation and the overall timeout.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import spec from '../../generated/openapi.json' with { type: 'json' };
import { errorCatalogue, failureCatalogue, type FailureCode } from '../../generated/catalogue.ts';
import { createClient, waitForVideo, type WaitOptions } from '../../src/client/index.ts';
import { drive } from './drive.ts';
import { httpFetch } from './http-fetch.ts';
import { startServer, type Reply, type TestServer } from './server.ts';

const examples = spec.components.examples as unknown as Record<string, { value: Record<string, unknown> }>;
const failed = Object.entries(examples).filter(([name]) => name.startsWith('failed_'));
const id = 'vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY';

let server: TestServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.close());
beforeEach(
  () =>
    void vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
      now: Date.parse('2026-11-22T10:00:00Z'),
    }),
);
afterEach(() => void vi.useRealTimers());

// maxRetries 0: the waits seen are those of waitForVideo itself.
const client = () =>
  createClient({
    apiKey: 'sk_test_poll',
    baseUrl: server.url,
    timeout: Infinity,
    maxRetries: 0,
    fetch: httpFetch,
  });
// Idle when both the deadline and a wait between polls are pending.
const wait = (options: WaitOptions = {}) =>
  drive(waitForVideo(client(), id, { interval: 1000, timeout: 60_000, ...options }), 2);
const waits = () => server.requests.slice(1).map((r, i) => r.at - server.requests[i]!.at);
const state = (name: string): Reply => ({ status: 200, body: examples[name]!.value });
const apiError = (code: keyof typeof errorCatalogue, headers: Record<string, string> = {}): Reply => ({
  status: errorCatalogue[code].status,
  headers,
  body: {
    error: {
      message: code,
      type: errorCatalogue[code].type,
      code,
      param: null,
      doc_url: 'https://d',
      request_id: 'req_p',
    },
  },
});

describe('terminal states', () => {
  it('pending, processing, completed: returns the completed generation', async () => {
    server.reply([state('video_pending'), state('video_processing'), state('video_completed')]);
    const { data, error } = await wait();
    expect(error).toBeUndefined();
    expect(data).toEqual(examples.video_completed!.value);
    expect(server.requests.map(r => `${r.method} ${r.url}`)).toEqual(
      Array(3).fill(`GET /v2/videos/generations/${id}`),
    );
    expect(waits()).toEqual([1000, 1000]);
  });

  it('covers every failure code of the catalogue', () => {
    expect(new Set(failed.map(([, e]) => (e.value.error as { code: string }).code))).toEqual(
      new Set(Object.keys(failureCatalogue)),
    );
  });

  it.each(failed)('%s: failed is terminal, with its typed task error', async (_name, example) => {
    const wire = example.value.error as { code: FailureCode; message: string; refunded: boolean };
    server.reply([
      state('video_processing'),
      { status: 200, headers: { 'x-request-id': 'req_f' }, body: example.value },
    ]);
    const { data, error } = await wait();
    expect(data).toBeUndefined();
    expect(error).toMatchObject({
      kind: 'task_failed',
      code: wire.code,
      message: wire.message,
      retryable: failureCatalogue[wire.code].retryable,
      refunded: wire.refunded,
      generationId: id,
      status: 200,
      requestId: 'req_f',
    });
    expect(server.requests).toHaveLength(2);
  });

  it('a failure code this version does not know is its own variant, retryable as the server says', async () => {
    const body = {
      id,
      status: 'failed',
      model: 'm',
      error: { code: 'cosmic_rays', message: 'bit flip', retryable: true, refunded: false },
    };
    server.reply({ status: 200, body });
    expect((await wait()).error).toMatchObject({
      kind: 'task_failed_unknown',
      code: 'cosmic_rays',
      retryable: true,
      refunded: false,
    });
  });

  it('a non-retryable API error ends the wait', async () => {
    server.reply([state('video_pending'), apiError('not_found')]);
    expect((await wait()).error).toMatchObject({ kind: 'api', code: 'not_found' });
    expect(server.requests).toHaveLength(2);
  });

  it('a status this version does not know is polled through', async () => {
    server.reply([
      { status: 200, body: { id, status: 'queued_for_gpu', model: 'm' } },
      state('video_completed'),
    ]);
    expect((await wait()).data).toEqual(examples.video_completed!.value);
  });
});

describe('waiting', () => {
  it('respects the rate limit: a 429 Retry-After longer than the interval is waited out', async () => {
    server.reply([
      state('video_pending'),
      apiError('rate_limit', { 'retry-after': '7' }),
      apiError('service_unavailable'),
      state('video_completed'),
    ]);
    expect((await wait()).error).toBeUndefined();
    expect(waits()).toEqual([1000, 7000, 1000]);
  });

  it('cancels through the AbortSignal, between polls or during one', async () => {
    server.reply(state('video_processing'));
    const controller = new AbortController();
    const pending = waitForVideo(client(), id, { interval: 1000, signal: controller.signal });
    while (vi.getTimerCount() < 2) await new Promise(r => setImmediate(r));
    controller.abort();
    expect((await pending).error).toMatchObject({ kind: 'aborted' });
    expect(server.requests).toHaveLength(1);

    server.reply({ hang: true });
    const during = new AbortController();
    const inFlight = waitForVideo(client(), id, { signal: during.signal });
    while (server.requests.length === 0) await new Promise(r => setImmediate(r));
    during.abort();
    expect((await inFlight).error).toMatchObject({ kind: 'aborted' });
    expect((await waitForVideo(client(), id, { signal: AbortSignal.abort() })).error).toMatchObject({
      kind: 'aborted',
    });
  });

  it('times out with a typed error', async () => {
    server.reply(state('video_processing'));
    const started = Date.now();
    const { error } = await wait({ timeout: 3500 });
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 3500, retryable: true });
    // The poll at 3000 is the last: the next would come after the deadline, so the wait ends then.
    expect(Date.now() - started).toBe(3000);
    expect(server.requests).toHaveLength(4);
  });

  it('a Retry-After past the deadline ends the wait at once with its timeout error, no flood', async () => {
    server.reply(apiError('rate_limit', { 'retry-after': '1000000000' }));
    const started = Date.now();
    expect((await wait({ timeout: 50 })).error).toMatchObject({ kind: 'timeout', timeoutMs: 50 });
    expect(server.requests).toHaveLength(1);
    expect(Date.now() - started).toBe(0);
  });

  it('without a timeout, a Retry-After longer than a timer holds sleeps as long as one can', async () => {
    server.reply([apiError('rate_limit', { 'retry-after': '1000000000' }), state('video_completed')]);
    const started = Date.now();
    const pending = waitForVideo(client(), id, { interval: 1000, timeout: Infinity });
    while (vi.getTimerCount() === 0) await new Promise(r => setImmediate(r));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.requests).toHaveLength(1);
    expect((await drive(pending)).data).toEqual(examples.video_completed!.value);
    expect(Date.now() - started).toBe(2 ** 31 - 1);
    expect(server.requests).toHaveLength(2);
  });
});
