// The mock's HTTP server caps request body bytes in flight across requests:
// while one slow upload holds most of the cap, another body gets the contract's 503, and once the
// upload ends the next request is served as usual.
import { afterEach, expect, it } from 'vitest';
import { readServerLimits } from '../../src/kernel/server-limits.ts';
import { rawPeer, type RawPeer } from './bounds-raw.ts';
import { startTestMock, type TestMock } from './start.ts';

let mock: TestMock | undefined;
let slow: RawPeer | undefined;
afterEach(async () => {
  slow?.socket.destroy();
  await mock?.close();
  mock = slow = undefined;
});

const post = (body: string) =>
  fetch(`${mock!.url}/v2/images/generations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk_test_body' },
    body,
  });

it('answers 503 past the body bytes in flight, then serves again', async () => {
  mock = await startTestMock({ serverLimits: { maxBodyBytesInFlight: 1000 } });
  slow = await rawPeer(mock.port);
  const head = 'POST /v2/images/generations HTTP/1.1\r\nHost: mock.test\r\nContent-Type: application/json';
  slow.socket.write(`${head}\r\nContent-Length: 900\r\n\r\n${' '.repeat(600)}`);
  const body = JSON.stringify({ prompt: 'x'.repeat(500) });
  // The slow upload's bytes reach the server at some point: retry until they are counted.
  let answer = await post(body);
  for (let tries = 0; answer.status !== 503 && tries < 50; tries++) answer = await post(body);
  expect(answer.status).toBe(503);
  expect(answer.headers.get('x-request-id')).toMatch(/^req_[0-9A-Z]{26}$/);
  expect(answer.headers.get('retry-after')).toBe('1');
  expect((await answer.json()).error).toMatchObject({ type: 'server_error', code: 'service_unavailable' });
  slow.socket.write(' '.repeat(300));
  await slow.answers(1);
  expect((await post(body)).status).not.toBe(503);
});

it('checks the cap when it is given', () => {
  expect(() => readServerLimits({ maxBodyBytesInFlight: 0 }, 'serverLimits')).toThrow(
    'serverLimits.maxBodyBytesInFlight must be a positive integer',
  );
});
