// The mock's HTTP server bounds what a peer can hold: idle connections
// are closed, a connection over the cap is closed while the others are served, and malformed HTTP
// gets the contract's 400 with an X-Request-Id instead of Node's bare answer.
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/mock/index.ts';
import { firstAnswer, GET, rawPeer, type RawPeer } from './bounds-raw.ts';
import { startTestMock, type TestMock } from './start.ts';

let mock: TestMock | undefined;
const peers: RawPeer[] = [];
afterEach(async () => {
  for (const p of peers.splice(0)) p.socket.destroy();
  await mock?.close();
  mock = undefined;
});
const peer = async () => {
  const p = await rawPeer(mock!.port);
  peers.push(p);
  return p;
};

describe('mock server bounds', () => {
  it('closes a connection that sends nothing', async () => {
    mock = await startTestMock({ serverLimits: { idleTimeoutMs: 100, headersTimeoutMs: 100 } });
    const idle = await peer();
    await idle.closed;
    expect(idle.text()).toBe('');
  });

  it('closes the connection over the cap and still answers the others', async () => {
    mock = await startTestMock({ serverLimits: { maxConnections: 2 } });
    const [a, b] = [await peer(), await peer()];
    a.socket.write(GET('/nope'));
    b.socket.write(GET('/nope'));
    await Promise.all([a.answers(1), b.answers(1)]);
    const over = await peer();
    await over.closed;
    expect(over.text()).toBe('');
    a.socket.write(GET('/nope'));
    await a.answers(2);
  });

  it.each([
    ['a NUL in a header', 'GET / HTTP/1.1\r\nHost: mock.test\r\nX-A: a\0b\r\n\r\n'],
    ['a 16 KiB header', `GET / HTTP/1.1\r\nHost: mock.test\r\nX-A: ${'a'.repeat(16 * 1024)}\r\n\r\n`],
    ['a bad request line', 'GET\r\n\r\n'],
    ['broken chunking', 'POST / HTTP/1.1\r\nHost: mock.test\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
    ['CONNECT', 'CONNECT mock.test:443 HTTP/1.1\r\nHost: mock.test:443\r\n\r\n'],
  ])('answers %s with the contract 400', async (_name, request) => {
    mock = await startTestMock();
    const p = await peer();
    p.socket.write(request);
    await p.closed;
    const { status, headers, body } = firstAnswer(p.text());
    expect(status).toBe(400);
    expect(headers['x-request-id']).toMatch(/^req_[0-9A-Z]{26}$/);
    expect(body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'invalid_parameter',
      param: null,
      request_id: headers['x-request-id'],
    });
  });

  it('answers the contract 500 with an X-Request-Id when the core fails', async () => {
    mock = await startTestMock();
    Object.assign(mock.mock, { respond: () => Promise.reject(new Error('broken core')) });
    const res = await fetch(`${mock.url}/v2/models`);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect([res.status, body.error.code, body.error.request_id]).toEqual([
      500,
      'server_error',
      res.headers.get('x-request-id'),
    ]);
  });

  it('checks its limits when given, naming the option', async () => {
    await expect(startMockServer({ port: 0, serverLimits: { idleTimeoutMs: 0 } })).rejects.toThrow(
      'serverLimits.idleTimeoutMs must be a positive integer of ms up to 2147483647, got 0',
    );
    // Past what a timer holds, a socket's timeout fires after 1 ms: every connection would be cut.
    await expect(startMockServer({ port: 0, serverLimits: { keepAliveTimeoutMs: 2 ** 31 } })).rejects.toThrow(
      'serverLimits.keepAliveTimeoutMs must be a positive integer of ms up to 2147483647, got 2147483648',
    );
  });
});
