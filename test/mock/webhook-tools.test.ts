// The webhook tools over HTTP: a chosen event sent for a made-up or a real generation, signed as
// the contract says; a recorded delivery resent with the same webhook-id and body; the deliveries
// list with the exact body, headers, signature and every attempt's answer; the retry schedule.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Delivery } from '../../src/mock/index.ts';
import { createMock } from '../../src/mock/index.ts';
import { loadSpec } from '../../src/kernel/index.ts';
import { contractRetryDelaysMs, retryDelays } from '../../src/mock/webhooks/schedule.ts';
import { startReceiver, type Receiver } from './receiver.ts';
import { startTestMock, type TestMock } from './start.ts';
import { control, get, post, validator, video } from './stateful-helpers.ts';

const SECRET = `whsec_${Buffer.from('webhook-tools-secret-0123456789ab').toString('base64')}`;
const KEY = 'mg_test_hooks';

let mock: TestMock;
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
  mock = await startTestMock({ webhookSecret: SECRET, webhookRetryDelaysMs: [20, 20], jobSteps: 2 });
});
afterAll(async () => {
  await mock.close();
  await receiver.close();
});

/** The attempt's headers and body verify under the mock's secret, as the contract's webhooks. */
function verifies(delivery: Delivery, attempt = 0) {
  const { headers } = delivery.attempts[attempt]!;
  expect(validator.checkWebhook({ headers: { ...headers }, body: delivery.body, secret: SECRET })).toEqual(
    [],
  );
}

const sendEvent = async (body: Record<string, unknown>) => control(mock.url, 'POST', 'deliveries', body);

describe('sending a chosen event', () => {
  it('sends a made-up completed generation, signed, and answers with the delivery', async () => {
    const res = await sendEvent({ url: `${receiver.url}/made-up` });
    expect(res.status).toBe(200);
    const delivery = res.body as Delivery;
    expect(delivery).toMatchObject({ type: 'video.generation.completed', state: 'delivered', outcome: 204 });
    verifies(delivery);
    const got = receiver.received.find(r => r.path === '/made-up')!;
    expect(got.body).toBe(delivery.body);
    expect(got.headers['webhook-signature']).toBe(delivery.attempts[0]!.headers['webhook-signature']);
    expect(JSON.parse(delivery.body)).toMatchObject({
      data: { status: 'completed', model: 'seedance-v1-pro' },
    });
  });

  it('sends a failed event with the chosen failure code', async () => {
    const res = await sendEvent({
      url: `${receiver.url}/failed`,
      event: 'video.generation.failed',
      code: 'face_detected',
    });
    const delivery = res.body as Delivery;
    verifies(delivery);
    expect(JSON.parse(delivery.body)).toMatchObject({
      type: 'video.generation.failed',
      data: { status: 'failed', error: { code: 'face_detected' } },
    });
  });

  it("sends a real generation's body as polling returns it, once it has ended", async () => {
    const { id } = (await post(mock.url, KEY, '/v2/videos/generations', video)).body as { id: string };
    const early = await sendEvent({ url: `${receiver.url}/real`, generation: id });
    expect(early.status).toBe(409);
    expect((early.body as { error: { message: string } }).error.message).toMatch(/advance it first/);
    await control(mock.url, 'POST', `jobs/${id}/advance`);
    const polled = (await get(mock.url, KEY, `/v2/videos/generations/${id}`)).body;
    const delivery = (await sendEvent({ url: `${receiver.url}/real`, generation: id })).body as Delivery;
    verifies(delivery);
    expect(JSON.parse(delivery.body).data).toEqual(polled);
    const wrong = await sendEvent({
      url: `${receiver.url}/real`,
      generation: id,
      event: 'video.generation.failed',
    });
    expect(wrong.status).toBe(409);
  });

  it('refuses a bad request with a clear error', async () => {
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{}, 400, /url must be an http or https URL/],
      [{ url: 'ftp://127.0.0.1/x' }, 400, /url must be/],
      [{ url: receiver.url, event: 'video.generation.started' }, 400, /event must be one of/],
      [{ url: receiver.url, code: 'no_such_code' }, 400, /code must be a failure code/],
      [{ url: receiver.url, event: 'video.generation.completed', code: 'timeout' }, 400, /code goes with/],
      [{ url: receiver.url, generation: 'vid_unknown' }, 404, /No generation 'vid_unknown'/],
    ];
    for (const [body, status, message] of cases) {
      const res = await sendEvent(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect((res.body as { error: { message: string } }).error.message).toMatch(message);
    }
  });
});

describe('resending and the deliveries list', () => {
  it('resends with the same webhook-id and body, and lists every attempt with its answer', async () => {
    receiver.answer = r => (r.path === '/resend' ? 500 : 204);
    const first = (await sendEvent({ url: `${receiver.url}/resend` })).body as Delivery;
    await vi.waitUntil(async () => (await listed(first.webhookId))?.state === 'failed', { timeout: 15_000 });
    receiver.answer = () => 204;
    const res = await control(mock.url, 'POST', `deliveries/${first.webhookId}/resend`);
    expect(res.status).toBe(200);
    const resent = res.body as Delivery;
    expect(resent).toMatchObject({ webhookId: first.webhookId, body: first.body, state: 'delivered' });
    const sent = receiver.received.filter(r => r.path === '/resend');
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map(r => r.headers['webhook-id']))).toEqual(new Set([first.webhookId]));
    expect(new Set(sent.map(r => r.body))).toEqual(new Set([first.body]));
    verifies(resent, 3);
    const entry = (await listed(first.webhookId))!;
    expect(entry.attempts.map(a => [a.status, a.answer, a.resend ?? false])).toEqual([
      [500, 'answered 500', false],
      [500, 'answered 500', false],
      [500, 'answered 500', false],
      [204, '', true],
    ]);
    for (const a of entry.attempts) {
      expect(Date.parse(a.at)).not.toBeNaN();
      expect(Object.keys(a.headers).sort()).toEqual([
        'content-type',
        'webhook-id',
        'webhook-signature',
        'webhook-timestamp',
      ]);
    }
    expect(JSON.stringify(entry)).not.toContain(SECRET.slice('whsec_'.length));
  });

  it('records a receiver that does not answer as an error, and a resend of no delivery as 404', async () => {
    const closed = createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise(resolve => closed.close(resolve));
    const gone = (await sendEvent({ url: `http://127.0.0.1:${port}/nobody` })).body as Delivery;
    expect(gone.state).toBe('pending');
    expect(gone.attempts[0]!.error).toMatch(/ECONNREFUSED/);
    expect((await control(mock.url, 'POST', 'deliveries/msg_none/resend')).status).toBe(404);
  });
});

const listed = async (webhookId: string) =>
  ((await control(mock.url, 'GET', 'deliveries')).body as Delivery[]).find(d => d.webhookId === webhookId);

describe('the retry schedule', () => {
  it("follows the contract's backoff for up to 24 hours, compressed on request", () => {
    const spec = loadSpec();
    const waits = contractRetryDelaysMs(spec);
    expect(waits.reduce((a, b) => a + b, 0)).toBe(24 * 3600_000);
    expect(waits.every((w, i) => i === 0 || w > 0)).toBe(true);
    expect(retryDelays('contract', 0.001, spec).reduce((a, b) => a + b, 0)).toBe(86_400);
    expect(retryDelays(undefined, undefined, spec)).toEqual(waits);
  });

  it('refuses a contract without a retry schedule', () => {
    const spec = structuredClone(loadSpec());
    spec.tags = [];
    expect(() => retryDelays('contract', 1, spec)).toThrow(/x-retry-delays-seconds/);
  });

  it('refuses a bad schedule or scale with an error naming the option', async () => {
    await expect(createMock({ webhookTimeScale: 0 })).rejects.toThrow(/webhookTimeScale/);
    await expect(createMock({ webhookRetryDelaysMs: [-1] })).rejects.toThrow(/webhookRetryDelaysMs/);
  });
});
