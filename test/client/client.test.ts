// createClient's options: the key, its env default, the base URL, headers, middleware.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createClient } from '../../src/client/index.ts';
import { startServer, type TestServer } from './server.ts';

let server: TestServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.close());
const saved = process.env.MEDIAGEN_API_KEY;
afterEach(() => {
  if (saved === undefined) delete process.env.MEDIAGEN_API_KEY;
  else process.env.MEDIAGEN_API_KEY = saved;
});
const balance = { status: 200, body: { balance: 42.5, currency: 'USD' } };

it('reads the key from MEDIAGEN_API_KEY when none is passed; a passed key wins', async () => {
  server.reply(balance);
  process.env.MEDIAGEN_API_KEY = 'sk_from_env';
  await createClient({ baseUrl: server.url }).GET('/v2/billing/balance');
  await createClient({ baseUrl: server.url, apiKey: 'sk_passed' }).GET('/v2/billing/balance');
  expect(server.requests.map(r => r.headers.authorization)).toEqual([
    'Bearer sk_from_env',
    'Bearer sk_passed',
  ]);
});

it('sends no Authorization without a key, and the 401 comes back typed', async () => {
  delete process.env.MEDIAGEN_API_KEY;
  const wire = {
    message: 'Missing API key.',
    type: 'authentication_error',
    code: 'invalid_api_key',
    param: null,
    doc_url: 'https://d',
    request_id: 'req_k',
    reason: 'missing',
  };
  server.reply({ status: 401, body: { error: wire } });
  const { error } = await createClient({ baseUrl: server.url }).GET('/v2/billing/balance');
  expect(server.requests[0]!.headers.authorization).toBeUndefined();
  expect(error?.kind === 'api' && error.code === 'invalid_api_key' && error.reason).toBe('missing');
});

it('defaults to https://api.mediagen.example, with typed query and path parameters', async () => {
  const urls: string[] = [];
  const fetch = async (request: Request) => (
    urls.push(`${request.method} ${request.url}`),
    new Response('[]', { headers: { 'content-type': 'application/json' } })
  );
  const client = createClient({ apiKey: 'k_default', fetch });
  await client.GET('/v2/models', { params: { query: { type: 'video' } } });
  await client.GET('/v2/videos/generations/{id}', { params: { path: { id: 'vid_1' } } });
  expect(urls).toEqual([
    'GET https://api.mediagen.example/v2/models?type=video',
    'GET https://api.mediagen.example/v2/videos/generations/vid_1',
  ]);
});

it('sends the extra headers and the JSON body; middleware runs on every attempt', async () => {
  server.reply([
    {
      status: 503,
      headers: { 'retry-after': '0' },
      body: {
        error: {
          message: 'm',
          type: 'server_error',
          code: 'service_unavailable',
          param: null,
          doc_url: 'd',
          request_id: 'r',
        },
      },
    },
    {
      status: 200,
      body: {
        id: 'img_1',
        status: 'completed',
        model: 'm',
        data: [],
        usage: { total_cost: 0, billable_unit: 'image', unit_price: 0, quantity: 0 },
      },
    },
  ]);
  const client = createClient({ apiKey: 'k_mw', baseUrl: server.url, headers: { 'X-Trace': 't1' } });
  let attempts = 0;
  client.use({ onRequest: () => void attempts++ });
  const { data } = await client.POST('/v2/images/generations', {
    body: { model: 'm', prompt: 'p', output_format: 'webp' },
  });
  expect(data?.id).toBe('img_1');
  expect(attempts).toBe(2);
  expect(
    server.requests.map(r => [r.headers['x-trace'], r.headers['content-type'], JSON.parse(r.body)]),
  ).toEqual(Array(2).fill(['t1', 'application/json', { model: 'm', prompt: 'p', output_format: 'webp' }]));
});
