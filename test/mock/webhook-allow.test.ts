// A shared mock's allow-list of webhook hosts (others are not sent), and URL credentials: sent to the
// receiver, never written in the deliveries list, the log or an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMock, type Delivery } from '../../src/mock/index.ts';
import { parseMockArgs } from '../../src/mock/cli-options.ts';
import { scrubCredentials, withoutCredentials } from '../../src/mock/webhooks/safe-url.ts';
import { startReceiver, type Receiver } from './receiver.ts';
import { startTestMock, type TestMock } from './start.ts';
import { control } from './stateful-helpers.ts';

let mock: TestMock;
let receiver: Receiver;
let port: string;
beforeAll(async () => {
  receiver = await startReceiver();
  port = new URL(receiver.url).port;
  mock = await startTestMock({ webhookRetryDelaysMs: [], webhookAllow: [`127.0.0.1:${port}`] });
});
afterAll(async () => {
  await mock.close();
  await receiver.close();
});

const sendTo = async (url: string) =>
  (await control(mock.url, 'POST', 'deliveries', { url })).body as Delivery;

describe('the webhook allow-list', () => {
  it('delivers to a listed host and port, and refuses any other as not sent', async () => {
    expect(await sendTo(`${receiver.url}/listed`)).toMatchObject({ state: 'delivered', outcome: 204 });
    for (const url of [`http://localhost:${port}/other-name`, `http://127.0.0.1:${Number(port) + 1}/`]) {
      const delivery = await sendTo(url);
      expect(delivery).toMatchObject({ state: 'not sent', attempts: [] });
      expect(delivery.outcome).toMatch(/is not in the webhook allow-list/);
    }
    expect(receiver.received.map(r => r.path)).toEqual(['/listed']);
  });

  it('is checked when given, naming the option', async () => {
    await expect(createMock({ webhookAllow: ['a host'] })).rejects.toThrow(/webhookAllow/);
    expect(() => parseMockArgs(['--webhook-allow', 'ok.test,bad:port'])).toThrow(/--webhook-allow/);
    const parsed = parseMockArgs(['--webhook-allow', 'Hooks.Test,127.0.0.1:8080']);
    expect(parsed).toMatchObject({ options: { webhookAllow: ['hooks.test', '127.0.0.1:8080'] } });
  });
});

describe('URL credentials', () => {
  it('are taken out of a URL and of any text quoting them', () => {
    expect(withoutCredentials('http://user:pa%20ss@127.0.0.1:9/x?y=1')).toBe('http://127.0.0.1:9/x?y=1');
    expect(withoutCredentials('http://127.0.0.1:9/x')).toBe('http://127.0.0.1:9/x');
    expect(withoutCredentials('not a url')).toBe('not a url');
    const url = 'http://user:pa%20ss@127.0.0.1:9/x';
    expect(scrubCredentials(`failed ${url} with pa ss and pa%20ss`, url)).toBe(
      'failed http://127.0.0.1:9/x with *** and ***',
    );
  });

  it('are sent to the receiver but never listed or logged', async () => {
    const url = `http://hook-user:hunter2@127.0.0.1:${port}/with-credentials`;
    const delivery = await sendTo(url);
    expect(delivery).toMatchObject({ state: 'delivered', url: `${receiver.url}/with-credentials` });
    const got = receiver.received.find(r => r.path === '/with-credentials')!;
    expect(got.headers.authorization).toBe(`Basic ${Buffer.from('hook-user:hunter2').toString('base64')}`);
    const listed = JSON.stringify((await control(mock.url, 'GET', 'deliveries')).body);
    const logged = mock.lines.join('\n');
    for (const text of [listed, logged, JSON.stringify(delivery)]) expect(text).not.toMatch(/hunter2/);
    expect(logged).toMatch(/-> http:\/\/127\.0\.0\.1:\d+\/with-credentials 204/);
  });
});
