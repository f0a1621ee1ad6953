// Through the proxy, the mock's /_mock/ control routes are unreachable: the proxy connects from
// loopback, so it answers the contract's route-not-found 404 itself and forwards nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractValidator, send } from '../../src/contract/index.ts';
import { startTestMock, type TestMock } from '../mock/start.ts';
import { startTestProxy, type TestProxy } from './start.ts';

const validator = createContractValidator();
const KEY = 'mg_test_proxy_control';
let mock: TestMock;
let proxy: TestProxy;
beforeAll(async () => {
  mock = await startTestMock();
  proxy = await startTestProxy(mock.url, { validator });
  await send(mock.url, {
    method: 'PUT',
    path: `/_mock/accounts/${KEY}/balance`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ balance: '12.50' }),
  });
});
afterAll(async () => {
  await proxy.close();
  await mock.close();
});

describe('control routes through the proxy', () => {
  it.each(['/_mock/reset', `/_mock/accounts/${KEY}/balance`, '/%5Fmock/reset', '/_mock'])(
    'refuses %s with the route-not-found 404, forwarding nothing',
    async path => {
      const before = mock.lines.length;
      const res = await send(proxy.url, {
        method: path.endsWith('balance') ? 'PUT' : 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ balance: '0.00' }),
      });
      expect(res.status).toBe(404);
      expect(res.headers['x-request-id']).toMatch(/^req_/);
      expect(validator.checkResponse({ method: 'POST', path: '/v2/no-such-route' }, res)).toEqual([]);
      expect(mock.lines.length).toBe(before);
      expect(proxy.lines.at(-1)).toMatch(/not forwarded: the mock's control routes/);
    },
  );

  it('has left the books as they were', async () => {
    const books = await send(mock.url, { method: 'GET', path: `/_mock/accounts/${KEY}`, headers: {} });
    expect(books.body).toMatchObject({ balance: '12.50' });
  });
});
