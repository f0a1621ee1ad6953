// The proxy bounds what a peer can hold: a compressed answer is
// decoded only up to a cap (past it, a contract 502), idle connections are closed, one over the
// connection cap is closed while the others are served, and malformed HTTP gets the contract's 400.
import { afterEach, describe, expect, it } from 'vitest';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { firstAnswer, GET, rawPeer, type RawPeer } from '../mock/bounds-raw.ts';
import { startTestProxy, startUpstream, type TestProxy, type TestUpstream } from './start.ts';
import { startProxy } from '../../src/proxy/index.ts';

let upstream: TestUpstream | undefined;
let proxy: TestProxy | undefined;
const peers: RawPeer[] = [];
afterEach(async () => {
  for (const p of peers.splice(0)) p.socket.destroy();
  await proxy?.close();
  await upstream?.close();
  proxy = upstream = undefined;
});
const peer = async () => {
  const p = await rawPeer(proxy!.port);
  peers.push(p);
  return p;
};

// A models list padded with 1 MiB of spaces: valid JSON, a few KiB compressed.
const padded = Buffer.from(`{"object":"list","data":[]${' '.repeat(1024 * 1024)}}`);
const bombs = { br: brotliCompressSync(padded), gzip: gzipSync(padded) };

describe('proxy bounds', () => {
  it.each(Object.entries(bombs))(
    'answers a %s bomb past the decoded cap with a contract 502',
    async (coding, body) => {
      upstream = await startUpstream((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': coding });
        res.end(body);
      });
      proxy = await startTestProxy(upstream.url, { maxDecodedBytes: 64 * 1024 });
      expect(body.length).toBeLessThan(8 * 1024);
      const res = await fetch(`${proxy.url}/v2/models`, {
        headers: { authorization: 'Bearer sk_test_bomb' },
      });
      const answer = (await res.json()) as { error: Record<string, unknown> };
      expect(res.status).toBe(502);
      expect(answer.error).toMatchObject({
        code: 'bad_gateway',
        request_id: res.headers.get('x-request-id'),
      });
      expect(String(answer.error.message)).toContain(`over ${64 * 1024} bytes decoded`);
      await proxy.close();
      expect(proxy.records()).toMatchObject([
        { kind: 'upstream body over the decoded limit', action: 'replaced' },
      ]);
    },
  );

  it('closes an idle connection, and the one over the cap while answering the others', async () => {
    upstream = await startUpstream((_req, res) => res.writeHead(404).end());
    proxy = await startTestProxy(upstream.url, {
      upstreamTimeoutMs: 200,
      serverLimits: { idleTimeoutMs: 300, headersTimeoutMs: 300, maxConnections: 2 },
    });
    const [a, b] = [await peer(), await peer()];
    a.socket.write(GET('/nope'));
    await a.answers(1);
    const over = await peer();
    await over.closed;
    expect(over.text()).toBe('');
    a.socket.write(GET('/nope'));
    await a.answers(2);
    await b.closed;
    expect(b.text()).toBe('');
  });

  it.each([
    ['a NUL in a header', 'GET / HTTP/1.1\r\nHost: proxy.test\r\nX-A: a\0b\r\n\r\n'],
    ['a 16 KiB header', `GET / HTTP/1.1\r\nHost: proxy.test\r\nX-A: ${'a'.repeat(16 * 1024)}\r\n\r\n`],
    ['CONNECT', 'CONNECT proxy.test:443 HTTP/1.1\r\nHost: proxy.test:443\r\n\r\n'],
  ])('answers %s with the contract 400', async (_name, request) => {
    upstream = await startUpstream((_req, res) => res.writeHead(404).end());
    proxy = await startTestProxy(upstream.url);
    const p = await peer();
    p.socket.write(request);
    await p.closed;
    const { status, headers, body } = firstAnswer(p.text());
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_parameter', request_id: headers['x-request-id'] });
  });

  it('checks its limits when given, naming the option', async () => {
    await expect(startProxy({ upstream: 'http://127.0.0.1:1', maxDecodedBytes: -1 })).rejects.toThrow(
      'maxDecodedBytes must be a positive integer, got -1',
    );
  });
});
