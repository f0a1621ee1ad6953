// The mock as a stateful simulator of the API (docs/mock.md), against the HTTP server:
// accounts, models, credits, limits, idempotency, control routes, latency and faults.
// Every API answer is held to the contract by `call`. Jobs move only by poll or by the control
// route (step time of a minute), so nothing here waits on the clock.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { send } from '../../src/contract/index.ts';
import { readFixtures } from '../../src/mock/fixtures.ts';
import { defaultFixtures } from '../../src/mock/fixtures/default.ts';
import { controlAllowed } from '../../src/mock/control-access.ts';
import { createIdempotencyStore } from '../../src/mock/state/idempotency.ts';
import { startTestMock, type TestMock } from './start.ts';
import { balanceOf, call, control, errorOf, get, image, post, video } from './stateful-helpers.ts';

const IMAGES = '/v2/images/generations';
const VIDEOS = '/v2/videos/generations';
let mock: TestMock;
let limited: TestMock;
let unlimited: TestMock;

beforeAll(async () => {
  [mock, limited, unlimited] = await Promise.all([
    startTestMock({
      stepMs: 60_000,
      jobSteps: 2,
      maxConcurrent: 2,
      balance: '1.00',
      webhookRetryDelaysMs: [],
    }),
    startTestMock({ rateLimit: 5 }),
    startTestMock({ rateLimit: null, maxConcurrent: null, stepMs: 60_000 }),
  ]);
});
afterAll(() => Promise.all([mock.close(), limited.close(), unlimited.close()]));

describe('accounts per API key', () => {
  it('keeps a balance per key, and shows a job only to the key that created it', async () => {
    const created = await post(mock.url, 'acct_a', VIDEOS, video);
    expect(created.status).toBe(202);
    const id = (created.body as { id: string }).id;
    expect((await get(mock.url, 'acct_a', `${VIDEOS}/${id}`)).status).toBe(200);
    const other = await get(mock.url, 'acct_b', `${VIDEOS}/${id}`);
    expect(other.status).toBe(404);
    expect(errorOf(other)).toMatchObject({ code: 'not_found', resource: 'generation' });
    expect(await balanceOf(mock.url, 'acct_a')).toBe(0.5);
    expect(await balanceOf(mock.url, 'acct_b')).toBe(1);
  });

  it('answers 404 for a generation id that names nothing, whatever its shape', async () => {
    for (const id of ['x', 'vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY', 'img_nope']) {
      const res = await get(mock.url, 'acct_c', `${VIDEOS}/${id}`);
      expect(res.status, id).toBe(404);
      expect(errorOf(res)).toMatchObject({ code: 'not_found', resource: 'generation', param: 'id' });
    }
  });

  it('keeps at most maxAccounts accounts, evicting the least recently used with its jobs', async () => {
    const small = await startTestMock({ maxAccounts: 2, stepMs: 60_000 });
    try {
      const { id } = (await post(small.url, 'evict_a', VIDEOS, video)).body as { id: string };
      await get(small.url, 'evict_b', '/v2/models');
      expect(await balanceOf(small.url, 'evict_a')).toBe(99.5); // a is now the most recent, b the oldest
      await get(small.url, 'evict_c', '/v2/models'); // evicts b
      expect(small.state.sizes().accounts).toBe(2);
      expect(small.state.account('evict_b')).toBeUndefined();
      await get(small.url, 'evict_b', '/v2/models'); // evicts a, and its job
      expect((await get(small.url, 'evict_a', `${VIDEOS}/${id}`)).status).toBe(404);
      expect(await balanceOf(small.url, 'evict_a')).toBe(100);
    } finally {
      await small.close();
    }
  });
});

describe('models from fixtures', () => {
  it('lists the fixtures, and the type filter works', async () => {
    const all = (await get(mock.url, 'models', '/v2/models')).body as { id: string; type: string }[];
    expect(all.map(m => m.id)).toEqual(defaultFixtures.models.map(m => m.id));
    const videos = (await get(mock.url, 'models', '/v2/models?type=video')).body as { type: string }[];
    expect(videos.length).toBeGreaterThan(0);
    expect(videos.every(m => m.type === 'video')).toBe(true);
    const images = (await get(mock.url, 'models', '/v2/models?type=image')).body as { type: string }[];
    expect(images.every(m => m.type === 'image')).toBe(true);
    expect(images.length + videos.length).toBe(all.length);
  });

  it.each([
    [
      'an unknown model',
      IMAGES,
      { ...image, model: 'nope' },
      404,
      { code: 'not_found', resource: 'model', param: 'model' },
    ],
    [
      'a video model on the image endpoint',
      IMAGES,
      { ...image, model: 'seedance-v1-pro' },
      400,
      { code: 'invalid_parameter', param: 'model' },
    ],
    [
      'an image model on the video endpoint',
      VIDEOS,
      { ...video, model: 'seedream-5-lite' },
      400,
      { code: 'invalid_parameter', param: 'model' },
    ],
    [
      'a resolution the model lacks',
      IMAGES,
      { ...image, resolution: '4K' },
      400,
      { code: 'invalid_parameter', param: 'resolution' },
    ],
    [
      'a duration the model lacks',
      VIDEOS,
      { ...video, duration: 7 },
      400,
      { code: 'invalid_parameter', param: 'duration' },
    ],
  ])('refuses %s', async (_, path, body, status, error) => {
    const res = await post(mock.url, 'models', path, body);
    expect(res.status).toBe(status);
    expect(errorOf(res)).toMatchObject(error);
  });

  it('takes other fixtures, and refuses a bad table with one line naming the problem', async () => {
    const first = defaultFixtures.models[0]!;
    const resolutions = { ...first.capabilities.resolutions, '4K': { side: 'long' as const, pixels: 4096 } };
    const own4K = { ...first, capabilities: { ...first.capabilities, resolutions } };
    const own = await startTestMock({
      fixtures: {
        ...defaultFixtures,
        models: [{ ...own4K, id: 'my-model' }],
      },
    });
    try {
      expect(((await get(own.url, 'k', '/v2/models')).body as { id: string }[]).map(m => m.id)).toEqual([
        'my-model',
      ]);
      expect(
        (await post(own.url, 'k', IMAGES, { ...image, model: 'my-model', resolution: '4K' })).status,
      ).toBe(200);
    } finally {
      await own.close();
    }
    expect(() =>
      readFixtures({ models: [{ ...defaultFixtures.models[0], price: 'cheap' }] }, 'my.json'),
    ).toThrow(/^my\.json: \/models\/0\/price 'cheap' is not an amount/);
    expect(() =>
      readFixtures({ models: [{ ...defaultFixtures.models[0], type: 'audio' }] }, 'my.json'),
    ).toThrow(/^my\.json: \/models\/0\/type must be equal to one of the allowed values/);
  });
});

describe('credits', () => {
  it('charges images and videos from the model price, refunds a failed video, and shows it in the balance', async () => {
    const key = 'credits_a';
    const img = await post(mock.url, key, IMAGES, image);
    expect((img.body as { usage: unknown }).usage).toEqual({
      total_cost: 0.04,
      billable_unit: 'image',
      unit_price: 0.04,
      quantity: 1,
    });
    expect(await balanceOf(mock.url, key)).toBe(0.96);
    const failing = await post(mock.url, key, VIDEOS, { ...video, prompt: 'waves [fail:timeout]' });
    const id = (failing.body as { id: string }).id;
    expect(await balanceOf(mock.url, key)).toBe(0.46);
    let body: { status: string; error?: { code: string; refunded: boolean } } = { status: 'pending' };
    while (body.status !== 'failed') body = (await get(mock.url, key, `${VIDEOS}/${id}`)).body as typeof body;
    expect(body.error).toMatchObject({ code: 'timeout', refunded: true });
    expect(await balanceOf(mock.url, key)).toBe(0.96);
  });

  it('charges a completed video its usage.total_cost', async () => {
    const key = 'credits_b';
    const id = ((await post(mock.url, key, VIDEOS, { ...video, duration: 10 })).body as { id: string }).id;
    let body: { status: string; usage?: { total_cost: number } } = { status: 'pending' };
    while (body.status !== 'completed')
      body = (await get(mock.url, key, `${VIDEOS}/${id}`)).body as typeof body;
    expect(body.usage).toEqual({
      total_cost: 1,
      billable_unit: 'video_second',
      unit_price: 0.1,
      quantity: 10,
    });
    expect(await balanceOf(mock.url, key)).toBe(0);
  });

  it('answers 402 with the true required and available when the request costs more than is left', async () => {
    const key = 'credits_c';
    await control(mock.url, 'PUT', `accounts/${key}/balance`, { balance: '0.30' });
    const res = await post(mock.url, key, VIDEOS, video);
    expect(res.status).toBe(402);
    expect(errorOf(res)).toMatchObject({
      code: 'quota_exceeded',
      required: 0.5,
      available: 0.3,
      currency: 'USD',
    });
    expect(await balanceOf(mock.url, key)).toBe(0.3);
  });
});

describe('rate and concurrency limits', () => {
  it('counts down X-RateLimit-* on every answer, then answers 429 rate_limit with Retry-After; keys are apart', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++)
      remaining.push((await get(limited.url, 'rl_a', '/v2/models')).headers['x-ratelimit-remaining']!);
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const spent = await get(limited.url, 'rl_a', '/v2/models');
    expect(spent.status).toBe(429);
    expect(errorOf(spent).code).toBe('rate_limit');
    expect(Number(spent.headers['retry-after'])).toBeGreaterThan(0);
    expect(spent.headers['x-ratelimit-limit']).toBe('5');
    expect((await get(limited.url, 'rl_b', '/v2/models')).status).toBe(200);
  });

  it('answers 429 concurrency_limit past --max-concurrent unfinished videos, and takes more once one ends', async () => {
    const key = 'conc_a';
    await control(mock.url, 'PUT', `accounts/${key}/balance`, { balance: '10.00' });
    const first = (await post(mock.url, key, VIDEOS, video)).body as { id: string };
    await post(mock.url, key, VIDEOS, video);
    const third = await post(mock.url, key, VIDEOS, video);
    expect(third.status).toBe(429);
    expect(errorOf(third)).toMatchObject({ code: 'concurrency_limit', limit: 2, current: 2 });
    expect(await balanceOf(mock.url, key)).toBe(9);
    expect((await control(mock.url, 'POST', `jobs/${first.id}/advance`)).status).toBe(200);
    expect((await post(mock.url, key, VIDEOS, video)).status).toBe(202);
  });

  it('forgets a job dropped from a full job store: refunded, it no longer counts as running', async () => {
    const small = await startTestMock({ maxJobs: 1, maxConcurrent: 2, stepMs: 60_000 });
    try {
      for (let i = 0; i < 3; i++) expect((await post(small.url, 'dropped', VIDEOS, video)).status).toBe(202);
      expect(small.state.account('dropped')).toMatchObject({
        running: 1,
        charged: '1.50',
        refunded: '1.00',
        balance: '99.50',
      });
    } finally {
      await small.close();
    }
  });

  it('can turn both off', async () => {
    const res = await get(unlimited.url, 'off', '/v2/models');
    expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    for (let i = 0; i < 8; i++) expect((await post(unlimited.url, 'off', VIDEOS, video)).status).toBe(202);
  });
});

describe('idempotency', () => {
  it('replays the stored answer for the same key and body, charged once, and refuses another body', async () => {
    const key = 'idem_a';
    const first = await post(mock.url, key, IMAGES, image, { 'idempotency-key': 'k-1' });
    const again = await post(
      mock.url,
      key,
      IMAGES,
      { prompt: image.prompt, model: image.model },
      { 'idempotency-key': 'k-1' },
    );
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await balanceOf(mock.url, key)).toBe(0.96);
    const other = await post(
      mock.url,
      key,
      IMAGES,
      { ...image, prompt: 'another' },
      { 'idempotency-key': 'k-1' },
    );
    expect(other.status).toBe(409);
    expect(errorOf(other).code).toBe('idempotency_key_reused');
    const otherKey = await post(mock.url, 'idem_b', IMAGES, image, { 'idempotency-key': 'k-1' });
    expect((otherKey.body as { id: string }).id).not.toBe((first.body as { id: string }).id);
  });

  it('replays a video creation with the same id', async () => {
    const a = await post(mock.url, 'idem_c', VIDEOS, video, { 'idempotency-key': 'v-1' });
    const b = await post(mock.url, 'idem_c', VIDEOS, video, { 'idempotency-key': 'v-1' });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(b.body).toEqual(a.body);
    expect(await balanceOf(mock.url, 'idem_c')).toBe(0.5);
  });
});

describe('idempotency records', () => {
  it('are forgotten after the retention window and past the global cap, oldest first', () => {
    let now = 0;
    const store = createIdempotencyStore({ retentionMs: 1000, maxRecords: 2, now: () => now });
    const answer = { status: 200, text: '{}' };
    store.store(1, 'a', 'p', answer);
    store.store(1, 'b', 'p', answer);
    expect(store.check(1, 'a', 'p').kind).toBe('replay');
    expect(store.check(2, 'a', 'p').kind).toBe('new'); // another account (or the same key after a reset)
    store.store(2, 'c', 'p', answer);
    expect([store.check(1, 'a', 'p').kind, store.check(1, 'b', 'q').kind, store.size]).toEqual([
      'new',
      'conflict',
      2,
    ]);
    now = 1001;
    expect(store.check(1, 'b', 'p').kind).toBe('new');
  });
});

describe('control routes', () => {
  it('resets one account or everything, sets a balance, advances a job, lists webhook deliveries', async () => {
    const hooks: string[] = [];
    const receiver: Server = createServer((req, res) => {
      req.on('data', d => hooks.push(String(d)));
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>(resolve => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      const key = 'ctl_a';
      const { id } = (await post(mock.url, key, VIDEOS, { ...video, callback_url: hookUrl })).body as {
        id: string;
      };
      expect((await control(mock.url, 'POST', `jobs/${id}/advance`, { steps: 1 })).status).toBe(200);
      expect(((await get(mock.url, key, `${VIDEOS}/${id}`)).body as { status: string }).status).toBe(
        'processing',
      );
      expect((await control(mock.url, 'POST', `jobs/${id}/advance`)).status).toBe(200);
      expect(((await get(mock.url, key, `${VIDEOS}/${id}`)).body as { status: string }).status).toBe(
        'completed',
      );
      // The delivery is made after the job ends: wait for it, however busy the machine.
      await vi.waitUntil(
        async () =>
          ((await control(mock.url, 'GET', 'webhooks')).body as { url: string }[]).some(
            d => d.url === hookUrl,
          ),
        { timeout: 15_000, interval: 25 },
      );
      const deliveries = (await control(mock.url, 'GET', 'webhooks')).body as {
        url: string;
        type: string;
        outcome: number;
      }[];
      expect(deliveries.find(d => d.url === hookUrl)).toMatchObject({
        type: 'video.generation.completed',
        outcome: 204,
      });
      expect(hooks.join('')).toContain(id);

      const set = await control(mock.url, 'PUT', `accounts/${key}/balance`, { balance: '12.34' });
      expect(set.body).toMatchObject({ balance: '12.34', start: '12.34', charged: '0.00' });
      expect(await balanceOf(mock.url, key)).toBe(12.34);
      expect((await control(mock.url, 'POST', `accounts/${key}/reset`)).status).toBe(200);
      expect(await balanceOf(mock.url, key)).toBe(1);
      expect((await get(mock.url, key, `${VIDEOS}/${id}`)).status).toBe(404);
      expect((await control(mock.url, 'PUT', `accounts/${key}/balance`, { balance: 'lots' })).status).toBe(
        400,
      );
    } finally {
      await new Promise(resolve => receiver.close(resolve));
    }
  });

  it('is refused when turned off, and off loopback unless turned on', async () => {
    const closed = await startTestMock({ control: 'off' });
    try {
      const res = await call(closed.url, { method: 'POST', path: '/_mock/reset' });
      expect(res.status).toBe(404);
      expect(errorOf(res)).toMatchObject({ code: 'not_found', resource: 'route' });
    } finally {
      await closed.close();
    }
    expect([
      controlAllowed('loopback', '10.1.2.3'),
      controlAllowed('loopback', '127.0.0.1'),
      controlAllowed('loopback', '::ffff:127.0.0.1'),
      controlAllowed('loopback', '::1'),
    ]).toEqual([false, true, true, true]);
    expect([
      controlAllowed('loopback', undefined),
      controlAllowed('on', '10.1.2.3'),
      controlAllowed('off', '127.0.0.1'),
    ]).toEqual([true, true, false]);
  });
});

describe('latency and faults', () => {
  it('answers a fault asked for with Prefer: a retryable 5xx or a 429 the contract allows, or a cut connection', async () => {
    const unavailable = await get(mock.url, 'faults_a', '/v2/models', {
      prefer: 'fault=service_unavailable',
    });
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers['retry-after']).toMatch(/^\d+$/);
    const limitedRes = await post(mock.url, 'faults_a', IMAGES, image, { prefer: 'fault=rate_limit' });
    expect(limitedRes.status).toBe(429);
    expect(await balanceOf(mock.url, 'faults_a')).toBe(1);
    await expect(
      send(mock.url, {
        method: 'GET',
        path: '/v2/models',
        headers: { authorization: 'Bearer faults_a', prefer: 'fault=cut' },
      }),
    ).rejects.toThrow();
  });

  it('says so in X-Mock-Warning when a fault or latency preference cannot be read', async () => {
    const res = await get(mock.url, 'faults_a', '/v2/models', { prefer: 'fault=meltdown, latency=soon' });
    expect(res.status).toBe(200);
    expect(res.headers['x-mock-warning']).toMatch(
      /^Prefer ignored: fault=meltdown \(one of server_error, .*\); latency=soon \(ms\)$/,
    );
  });

  it('stalls until the client gives up', async () => {
    await expect(
      send(
        mock.url,
        {
          method: 'GET',
          path: '/v2/models',
          headers: { authorization: 'Bearer faults_a', prefer: 'fault=stall' },
        },
        300,
      ),
    ).rejects.toThrow(/no answer within 300 ms/);
  });

  it('injects faults per account through the control routes, and at a rate for all', async () => {
    await control(mock.url, 'PUT', 'accounts/faults_b/faults', { faults: '1:bad_gateway' });
    expect((await get(mock.url, 'faults_b', '/v2/models')).status).toBe(502);
    expect((await get(mock.url, 'faults_c', '/v2/models')).status).toBe(200);
    await control(mock.url, 'PUT', 'accounts/faults_b/faults', { faults: 'off' });
    expect((await get(mock.url, 'faults_b', '/v2/models')).status).toBe(200);
    const faulty = await startTestMock({ faults: '1:gateway_timeout,server_error' });
    try {
      for (let i = 0; i < 4; i++)
        expect([504, 500]).toContain((await get(faulty.url, 'any', '/v2/billing/balance')).status);
    } finally {
      await faulty.close();
    }
  });

  it('waits the latency asked for before answering', async () => {
    const slow = await startTestMock({ latency: '150' });
    try {
      const started = performance.now();
      expect((await get(slow.url, 'slow', '/v2/models')).status).toBe(200);
      // A lower bound only: a busy machine can make it slower, never faster.
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
      const asked = performance.now();
      await get(mock.url, 'slow', '/v2/models', { prefer: 'latency=120' });
      expect(performance.now() - asked).toBeGreaterThanOrEqual(110);
    } finally {
      await slow.close();
    }
  });
});
