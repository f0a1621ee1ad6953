// A callback URL that points back at the mock (its port on 127.0.0.1, localhost, ::1, or a receiver
// redirecting there) never reaches its control routes: such a delivery is not sent, a redirect is a
// failed attempt with its status, and the state is as it was.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/mock/index.ts';
import { OwnAddresses } from '../../src/mock/webhooks/own-addresses.ts';
import { startTestMock, type TestMock } from './start.ts';
import { balanceOf, control, post, video } from './stateful-helpers.ts';

const KEY = 'mg_test_self_hooks';
/** Set below the fixtures' starting balance, so that a reset would show. */
const START = '12.50';
let mock: TestMock;
let redirector: { url: string; close(): Promise<void> };
/** The key's balance once its video was charged: a reset would put it back to the fixtures' balance. */
let charged: number;

beforeAll(async () => {
  mock = await startTestMock({ webhookRetryDelaysMs: [], jobSteps: 1 });
  const server = createServer((_req, res) =>
    res.writeHead(307, { location: `${mock.url}/_mock/reset` }).end(),
  );
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  redirector = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>(resolve => (server.closeAllConnections(), server.close(() => resolve()))),
  };
  await control(mock.url, 'PUT', `accounts/${KEY}/balance`, { balance: START });
});
afterAll(async () => {
  await mock.close();
  await redirector.close();
});

const sendTo = async (url: string) =>
  (await control(mock.url, 'POST', 'deliveries', { url })).body as Delivery;

describe('deliveries back to the mock itself', () => {
  it('refuses a video callback_url naming the mock reset route, and nothing is reset', async () => {
    const res = await post(mock.url, KEY, '/v2/videos/generations', {
      ...video,
      callback_url: `${mock.url}/_mock/reset`,
    });
    const { id } = res.body as { id: string };
    await control(mock.url, 'POST', `jobs/${id}/advance`, {});
    const hook = () => mock.state.deliveries().find(d => d.url === `${mock.url}/_mock/reset`);
    await expect.poll(() => hook()?.state, { timeout: 15_000, interval: 10 }).toBe('not sent');
    expect(hook()).toMatchObject({ attempts: [], outcome: expect.stringMatching(/is the mock itself/) });
    expect(mock.state.job(id)).toBeDefined();
    charged = await balanceOf(mock.url, KEY);
    expect(charged).toBeLessThan(Number(START));
  });

  it.each([
    ['127.0.0.1', (port: number) => `http://127.0.0.1:${port}/_mock/reset`],
    ['localhost (resolved first)', (port: number) => `http://localhost:${port}/_mock/reset`],
    ['::1', (port: number) => `http://[::1]:${port}/_mock/reset`],
    ['127.0.0.2, https', (port: number) => `https://127.0.0.2:${port}/_mock/reset`],
  ])('records a delivery to %s on its port as not sent', async (_name, urlOf) => {
    const delivery = await sendTo(urlOf(mock.port));
    expect(delivery).toMatchObject({ state: 'not sent', attempts: [] });
    expect(delivery.outcome).toMatch(/^not sent: .* is the mock itself/);
  });

  it('does not follow a redirect to the reset route: the 307 is a failed attempt', async () => {
    const delivery = await sendTo(`${redirector.url}/hook`);
    expect(delivery).toMatchObject({ state: 'failed', outcome: 307 });
    expect(delivery.attempts.map(a => a.status)).toEqual([307]);
  });

  it('has kept the books through all of it', async () => {
    expect(await balanceOf(mock.url, KEY)).toBe(charged);
    expect(mock.lines.filter(l => / POST +\/_mock\/reset /.test(l))).toEqual([]);
  });
});

describe('the mock own addresses', () => {
  it('are its port on loopback and its bound address; on 0.0.0.0, every interface', () => {
    const loopback = new OwnAddresses();
    loopback.listening({ address: '127.0.0.1', port: 4321 });
    expect(['127.0.0.1', '::ffff:127.0.0.1', '::1', '0.0.0.0'].map(ip => loopback.isOwn(ip, 4321))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(loopback.isOwn('127.0.0.1', 4322)).toBe(false);
    expect(loopback.isOwn('192.0.2.7', 4321)).toBe(false);
    const everywhere = new OwnAddresses();
    everywhere.listening({ address: '0.0.0.0', port: 4321 });
    const interfaces = Object.values(networkInterfaces()).flatMap(list => list ?? []);
    expect(interfaces.every(i => everywhere.isOwn(i.address, 4321))).toBe(true);
    expect(everywhere.isOwn('192.0.2.7', 4321)).toBe(false);
  });
});
