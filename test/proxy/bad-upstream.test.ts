// Upstreams that give no usable answer: unreachable, too slow, a body that is not JSON, a connection
// cut before or during the answer. Each gets the caller a contract-valid 502 (504 for the timeout)
// with a fresh request id and a logged line; the proxy keeps answering afterwards.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractValidator, send } from '../../src/contract/index.ts';
import { startTestProxy, startUpstream, waitFor, type TestProxy, type TestUpstream } from './start.ts';

const validator = createContractValidator();
const models = [
  { id: 'seedream-5-lite', name: 'Seedream 5 Lite', type: 'image', created_at: '2026-01-01T00:00:00Z' },
];
const FRESH_ID = /^req_[0-9A-Z]{26}$/;
let upstream: TestUpstream;
let proxy: TestProxy;
let abandoned = 0;

beforeAll(async () => {
  upstream = await startUpstream((req, res) => {
    req.resume();
    const which = new URL(req.url ?? '/', 'http://x').searchParams.get('case');
    if (which === 'slow') {
      req.socket.on('close', () => abandoned++);
      return; // never answers
    }
    if (which === 'cut-before') return req.socket.destroy();
    if (which === 'cut-during') {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': '500',
        'x-request-id': 'req_up',
      });
      // Cut once the first part is written: the proxy has begun an answer it never gets the rest of.
      return void res.write('[{"id": "seedream', () => req.socket.destroy());
    }
    if (which === 'html') {
      res.writeHead(502, { 'content-type': 'text/html' });
      return res.end('<html><body><h1>502 Bad Gateway</h1>nginx</body></html>');
    }
    if (which === 'zstd') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'zstd' });
      return res.end(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]));
    }
    if (which === 'stall') {
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_stall' });
      return res.write('[' + JSON.stringify(models[0]).repeat(400));
    }
    if (which === 'big') {
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_big' });
      return res.end(JSON.stringify(Array.from({ length: 200 }, () => models[0])));
    }
    // A good answer, compressed as a production server would send it.
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'x-request-id': 'req_gzip',
    });
    res.end(gzipSync(JSON.stringify(models)));
  });
  // Long enough that only the upstreams that never answer time out, on a busy machine too.
  proxy = await startTestProxy(upstream.url, { upstreamTimeoutMs: 2500, maxBodyBytes: 16 * 1024 });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

const get = (query: string, timeoutMs?: number) =>
  send(
    proxy.url,
    { method: 'GET', path: `/v2/models?${query}`, headers: { authorization: 'Bearer mg_test_bad' } },
    timeoutMs,
  );

const cases = [
  {
    name: 'a body that is not JSON (an HTML 502 page)',
    query: 'case=html',
    status: 502,
    code: 'bad_gateway',
    kind: 'upstream body unreadable',
  },
  {
    name: 'a body in a coding it was not asked for (zstd)',
    query: 'case=zstd',
    status: 502,
    code: 'bad_gateway',
    kind: 'upstream body unreadable',
  },
  {
    name: 'a connection cut before the answer',
    query: 'case=cut-before',
    status: 502,
    code: 'bad_gateway',
    kind: 'upstream cut the connection',
  },
  {
    name: 'a connection cut during the answer',
    query: 'case=cut-during',
    status: 502,
    code: 'bad_gateway',
    kind: 'upstream cut the connection',
  },
  {
    name: 'no answer within --upstream-timeout',
    query: 'case=slow',
    status: 504,
    code: 'gateway_timeout',
    kind: 'upstream timeout',
  },
];

describe.each(cases)('an upstream with $name', ({ query, status, code }) => {
  it(`answers a contract-valid ${status} ${code} with a fresh request id, and logs it`, async () => {
    const res = await get(query);
    expect(validator.checkResponse('listModels', res)).toEqual([]);
    expect([res.status, (res.body as { error: { code: string } }).error.code]).toEqual([status, code]);
    const id = res.headers['x-request-id']!;
    expect(id).toMatch(FRESH_ID);
    expect(proxy.lines.filter(line => line.includes(` ${id} ✗ upstream: `))).toHaveLength(1);
    await waitFor(() => proxy.report.failures > 0, 'the failure to be counted');
  });
});

describe('the proxy after bad upstreams', () => {
  it('still answers, checking a compressed answer on its decoded body', async () => {
    const checked = proxy.report.checked;
    // fetch decompresses what the proxy passed on: the upstream's own gzip bytes.
    const res = await fetch(`${proxy.url}/v2/models?case=good`, {
      headers: { authorization: 'Bearer mg_test_bad' },
    });
    expect([res.status, res.headers.get('content-encoding'), res.headers.get('x-request-id')]).toEqual([
      200,
      'gzip',
      'req_gzip',
    ]);
    expect(await res.json()).toEqual(models);
    expect([proxy.report.checked - checked, proxy.report.violations]).toEqual([1, 0]);
  });

  it('streams an answer over the buffer limit through unchecked, and says so', async () => {
    const res = await get('case=big');
    expect([res.status, (res.body as unknown[]).length]).toEqual([200, 200]);
    expect(proxy.lines.some(line => line.includes('/v2/models 200 not checked: body over 16384 bytes'))).toBe(
      true,
    );
  });

  it('cuts a streamed answer that stalls for the upstream timeout, rather than hang', async () => {
    const error = await get('case=stall').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toMatch(/no answer within/); // the proxy cut it, not the caller's own 10 s timeout
  });

  it('drops the upstream request when the caller goes away', async () => {
    const before = abandoned;
    await expect(get('case=slow', 50)).rejects.toThrow(/no answer within 50 ms/);
    await waitFor(() => abandoned > before, 'the upstream connection to close');
  });

  it('has reported no violation of the contract, only the failures, each of its kind', async () => {
    expect(proxy.report).toMatchObject({ violations: 0, failures: cases.length });
    await proxy.close();
    expect(proxy.records().map(r => [r.kind, r.where, r.action])).toEqual(
      cases.map(c => [c.kind, 'upstream', 'replaced']),
    );
  });
});

describe('an unreachable upstream', () => {
  let unreachable: TestProxy;
  beforeAll(async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer().listen(0, '127.0.0.1');
    await new Promise(resolve => probe.once('listening', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise(resolve => probe.close(resolve));
    unreachable = await startTestProxy(`http://127.0.0.1:${port}`);
  });
  afterAll(() => unreachable.close());

  it('answers a contract-valid 502 bad_gateway naming the upstream, and logs it', async () => {
    const res = await send(unreachable.url, {
      method: 'POST',
      path: '/v2/images/generations',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(validator.checkResponse('generateImage', res)).toEqual([]);
    const error = (res.body as { error: { code: string; message: string } }).error;
    expect([res.status, error.code]).toEqual([502, 'bad_gateway']);
    expect(error.message).toMatch(/could not be reached \(ECONNREFUSED\)/);
    expect(unreachable.lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `POST   /v2/images/generations 502 ${res.headers['x-request-id']} ✗ upstream: ECONNREFUSED`,
        ),
      ),
    ]);
  });
});

describe('an upstream that closes a kept-alive connection as it is reused', () => {
  let closing: TestUpstream;
  let through: TestProxy;
  beforeAll(async () => {
    // Answers the first request on each connection; drops the connection on the second.
    const served = new WeakMap<object, number>();
    closing = await startUpstream((req, res) => {
      req.resume();
      const n = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, n);
      if (n > 1) return req.socket.destroy();
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_fresh_socket' });
      res.end(JSON.stringify(models));
    });
    through = await startTestProxy(closing.url);
  });
  afterAll(async () => {
    await through.close();
    await closing.close();
  });

  it('sends a GET again on a new connection, but never a POST', async () => {
    expect((await send(through.url, { method: 'GET', path: '/v2/models' })).status).toBe(200);
    expect((await send(through.url, { method: 'GET', path: '/v2/models' })).status).toBe(200);
    const post = await send(through.url, {
      method: 'POST',
      path: '/v2/videos/generations',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect([post.status, through.report.failures]).toEqual([502, 1]);
  });
});
