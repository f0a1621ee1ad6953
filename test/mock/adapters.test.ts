// In-process use: createMockFetch (as the typed client's `fetch`) and MSW handlers (msw/node) answer
// what the HTTP server answers, from the same core; and the three can share one state.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/index.ts';
import { send, type RawRequest } from '../../src/contract/index.ts';
import { createMockFetch } from '../../src/mock/index.ts';
import { createMockHandlers, DEFAULT_BASE_URL } from '../../src/mock/msw.ts';
import { startTestMock, type TestMock } from './start.ts';
import { headersFor, image, validator, video } from './stateful-helpers.ts';

const quiet = { log: () => {}, stepMs: 60_000 };
let server: TestMock;
const mockFetch = createMockFetch(quiet);
const msw = createMockHandlers(quiet);
const intercept = setupServer(...msw.handlers);

beforeAll(async () => {
  server = await startTestMock(quiet);
  intercept.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  intercept.close();
  await Promise.all([server.close(), mockFetch.close(), msw.close()]);
});

/** A session of a new user: the same requests, in order, to each adapter. */
const session: RawRequest[] = [
  { method: 'GET', path: '/v2/models?type=video', headers: headersFor('same') },
  {
    method: 'POST',
    path: '/v2/images/generations',
    headers: headersFor('same'),
    body: JSON.stringify({ ...image, model: 'nope' }),
  },
  {
    method: 'POST',
    path: '/v2/images/generations',
    headers: headersFor('same', { 'idempotency-key': 'once' }),
    body: JSON.stringify(image),
  },
  {
    method: 'POST',
    path: '/v2/images/generations',
    headers: headersFor('same', { 'idempotency-key': 'once' }),
    body: JSON.stringify(image),
  },
  {
    method: 'POST',
    path: '/v2/videos/generations',
    headers: headersFor('same'),
    body: JSON.stringify({ ...video, resolution: '4K' }),
  },
  {
    method: 'POST',
    path: '/v2/videos/generations',
    headers: headersFor('same'),
    body: JSON.stringify(video),
  },
  { method: 'GET', path: '/v2/billing/balance', headers: headersFor('same') },
  { method: 'GET', path: '/v2/billing/balance', headers: headersFor('mg_test_revoked') },
  { method: 'GET', path: '/v2/videos/generations/x', headers: headersFor('same') },
];

/**
 * Status, replay mark and body, with the ids each run makes up replaced, the clock's times, and
 * the origin each adapter was called on (media URLs are on it).
 */
function comparable(status: number, headers: Headers | Record<string, string>, text: string) {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]) ?? null;
  const body = text
    .replace(/(req|img|vid)_[0-9A-Z]{26}/g, '$1_ID')
    .replaceAll(server.url, 'ORIGIN')
    .replaceAll(DEFAULT_BASE_URL, 'ORIGIN')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, 'TIME')
    .replace(/expires=\d+/g, 'expires=T');
  return { status, replayed: get('idempotent-replayed'), remaining: get('x-ratelimit-remaining'), body };
}

async function overFetch(f: typeof fetch, r: RawRequest) {
  const res = await f(`${DEFAULT_BASE_URL}${r.path}`, {
    method: r.method,
    headers: r.headers ?? {},
    ...(r.body !== undefined ? { body: String(r.body) } : {}),
  });
  const text = await res.text();
  const body = text ? JSON.parse(text) : undefined;
  expect(
    validator.checkResponse(
      { method: r.method, path: r.path.split('?')[0]! },
      { status: res.status, headers: res.headers, body },
    ),
  ).toEqual([]);
  return comparable(res.status, res.headers, text);
}

describe('in-process adapters', () => {
  it('createMockFetch and MSW answer a session as the HTTP server does', async () => {
    const overHttp = [];
    const overMockFetch = [];
    const overMsw = [];
    for (const r of session) {
      const res = await send(server.url, r);
      overHttp.push(comparable(res.status, res.headers, res.text));
      overMockFetch.push(await overFetch(mockFetch, r));
      overMsw.push(await overFetch(fetch, r));
    }
    expect(overHttp.map(a => a.status)).toEqual([200, 404, 200, 200, 400, 202, 200, 401, 404]);
    expect(overMockFetch).toEqual(overHttp);
    expect(overMsw).toEqual(overHttp);
  });

  it('serves the typed client with no port, and shares state with a server on the same core', async () => {
    const client = createClient({ apiKey: 'typed', baseUrl: DEFAULT_BASE_URL, fetch: mockFetch });
    const created = await client.POST('/v2/videos/generations', { body: { ...video, sound: false } });
    expect(created.data?.status).toBe('pending');
    const core = await mockFetch.ready;
    expect(core.state.account('typed')).toMatchObject({ balance: '99.50', charged: '0.50', running: 1 });
    const shared = createMockFetch(core);
    const polled = await createClient({ apiKey: 'typed', baseUrl: DEFAULT_BASE_URL, fetch: shared }).GET(
      '/v2/videos/generations/{id}',
      { params: { path: { id: created.data!.id } } },
    );
    expect(polled.data?.id).toBe(created.data!.id);
  });

  it('rejects like a network failure on a cut connection', async () => {
    await expect(
      mockFetch(`${DEFAULT_BASE_URL}/v2/models`, { headers: { ...headersFor('same'), prefer: 'fault=cut' } }),
    ).rejects.toThrow(TypeError);
    await expect(
      fetch(`${DEFAULT_BASE_URL}/v2/models`, { headers: { ...headersFor('same'), prefer: 'fault=cut' } }),
    ).rejects.toThrow(TypeError);
  });
});
