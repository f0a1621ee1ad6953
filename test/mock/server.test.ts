// What the mock adds to Prism. Each correction is shown against plain Prism (prism-http-server as
// `prism mock` runs it) on the same request: plain Prism leaves the contract, the mock does not and
// names the actual problem. Then the mock's own surface: request ids, log, Prefer, CORS, CLI.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createContractValidator,
  formatViolations,
  send,
  type RawRequest,
  type RawResponse,
} from '../../src/contract/index.ts';
import { startPlainPrism } from '../../bench/plain-prism.ts';
import { startTestMock, type TestMock } from './start.ts';

const validator = createContractValidator();
const auth = { authorization: 'Bearer mg_test_server' };
const json = { ...auth, 'content-type': 'application/json' };
let mock: TestMock;
let plain: Awaited<ReturnType<typeof startPlainPrism>>;

beforeAll(async () => {
  [mock, plain] = await Promise.all([startTestMock(), startPlainPrism()]);
});
afterAll(async () => {
  await Promise.all([mock.close(), plain.close()]);
});

const check = (req: RawRequest, res: RawResponse) =>
  validator.checkResponse({ method: req.method, path: req.path }, res);
const errorOf = (res: RawResponse) => (res.body as { error: Record<string, unknown> }).error;

const corrections: { name: string; request: RawRequest; status: number; error: Record<string, unknown> }[] = [
  {
    name: 'body that is not JSON',
    request: { method: 'POST', path: '/v2/videos/generations', headers: json, body: '{"model": "m", ' },
    status: 400,
    error: { code: 'invalid_json', type: 'invalid_request_error', param: null },
  },
  {
    name: 'unknown path',
    request: { method: 'GET', path: '/v2/videos', headers: auth },
    status: 404,
    error: { code: 'not_found', resource: 'route' },
  },
  {
    name: 'unknown method',
    request: { method: 'PUT', path: '/v2/models', headers: auth },
    status: 404,
    error: { code: 'not_found', resource: 'route' },
  },
  {
    name: 'wrong type',
    request: {
      method: 'POST',
      path: '/v2/videos/generations',
      headers: json,
      body: '{"model":"m","prompt":"p","duration":"5"}',
    },
    status: 400,
    error: { code: 'invalid_type', param: 'duration' },
  },
  {
    name: 'missing field',
    request: { method: 'POST', path: '/v2/images/generations', headers: json, body: '{"prompt":"p"}' },
    status: 400,
    error: { code: 'parameter_missing', param: 'model' },
  },
  {
    name: 'nested missing field',
    request: {
      method: 'POST',
      path: '/v2/videos/generations',
      headers: json,
      body: '{"model":"m","prompt":"p","images":[{"url":"https://e.com/a.png"}]}',
    },
    status: 400,
    error: { code: 'parameter_missing', param: 'images[0].role' },
  },
  {
    name: 'bad enum',
    request: {
      method: 'POST',
      path: '/v2/images/generations',
      headers: json,
      body: '{"model":"m","prompt":"p","output_format":"gif"}',
    },
    status: 400,
    error: { code: 'invalid_parameter', param: 'output_format' },
  },
  {
    name: 'bad format',
    request: {
      method: 'POST',
      path: '/v2/videos/generations',
      headers: json,
      body: '{"model":"m","prompt":"p","callback_url":"ftp://x"}',
    },
    status: 400,
    error: { code: 'invalid_parameter', param: 'callback_url' },
  },
  {
    name: 'too long prompt',
    request: {
      method: 'POST',
      path: '/v2/videos/generations',
      headers: json,
      body: JSON.stringify({ model: 'm', prompt: 'p'.repeat(4097) }),
    },
    status: 400,
    error: { code: 'invalid_parameter', param: 'prompt' },
  },
  {
    name: 'Idempotency-Key too long',
    request: {
      method: 'POST',
      path: '/v2/images/generations',
      headers: { ...json, 'idempotency-key': 'k'.repeat(256) },
      body: '{"model":"m","prompt":"p"}',
    },
    status: 400,
    error: { code: 'invalid_parameter', param: 'Idempotency-Key' },
  },
  {
    name: 'malformed Authorization',
    request: { method: 'GET', path: '/v2/models', headers: { authorization: 'Basic dTpw' } },
    status: 401,
    error: { code: 'invalid_api_key', reason: 'malformed' },
  },
  {
    name: 'wrong content type',
    request: {
      method: 'POST',
      path: '/v2/images/generations',
      headers: { ...auth, 'content-type': 'application/xml' },
      body: '<a/>',
    },
    status: 415,
    error: { code: 'unsupported_media_type' },
  },
  {
    name: 'no content type',
    request: {
      method: 'POST',
      path: '/v2/images/generations',
      headers: auth,
      body: '{"model":"m","prompt":"p"}',
    },
    status: 415,
    error: { code: 'unsupported_media_type' },
  },
  {
    name: 'generation id of another shape (a 404, as ids are opaque)',
    request: { method: 'GET', path: '/v2/videos/generations/123', headers: auth },
    status: 404,
    error: { code: 'not_found', resource: 'generation' },
  },
];

describe('corrections of plain Prism', () => {
  it.each(corrections.map(c => [c.name, c] as const))('%s', async (_, c) => {
    const [ours, theirs] = await Promise.all([send(mock.url, c.request), send(plain.url, c.request)]);
    const violations = check(c.request, ours);
    expect(violations, formatViolations(violations)).toEqual([]);
    expect(ours.status).toBe(c.status);
    expect(errorOf(ours)).toMatchObject(c.error);
    // Plain Prism breaks the contract here, or answers something that does not describe the problem.
    const plainIsRight =
      check(c.request, theirs).length === 0 &&
      theirs.status === c.status &&
      Object.entries(c.error).every(
        ([k, v]) => (theirs.body as { error?: Record<string, unknown> }).error?.[k] === v,
      );
    expect(plainIsRight).toBe(false);
  });

  it('ignores a body on an operation without one (plain Prism answers an undeclared 415)', async () => {
    const request = {
      method: 'GET',
      path: '/v2/billing/balance',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: 'x',
    };
    const [ours, theirs] = await Promise.all([send(mock.url, request), send(plain.url, request)]);
    expect(ours.status).toBe(200);
    expect(check(request, ours)).toEqual([]);
    expect(check(request, theirs).map(v => v.where)).toContain('status');
  });

  it('answers JSON whatever the Accept header asks for', async () => {
    const request = { method: 'GET', path: '/v2/models', headers: { ...auth, accept: 'text/html' } };
    const res = await send(mock.url, request);
    expect(res.status).toBe(200);
    expect(check(request, res)).toEqual([]);
  });

  it('answers 413 for a body over the limit and for an image over its decoded limit', async () => {
    const big = {
      method: 'POST',
      path: '/v2/images/generations',
      headers: json,
      body: 'x'.repeat(25 * 1024 * 1024 + 1),
    };
    const res = await send(mock.url, big);
    expect(check(big, res)).toEqual([]);
    expect(errorOf(res)).toMatchObject({
      code: 'payload_too_large',
      param: null,
      max_bytes: 25 * 1024 * 1024,
    });
    const image = {
      method: 'POST',
      path: '/v2/images/generations',
      headers: json,
      body: JSON.stringify({
        model: 'm',
        prompt: 'p',
        images: [
          { url: 'https://e.com/a.png' },
          { url: `data:image/png;base64,${'A'.repeat(14 * 1024 * 1024)}` },
        ],
      }),
    };
    const res2 = await send(mock.url, image);
    expect(check(image, res2)).toEqual([]);
    expect(errorOf(res2)).toMatchObject({
      code: 'payload_too_large',
      param: 'images[1].url',
      max_bytes: 10 * 1024 * 1024,
    });
  });
});

describe('request ids and log', () => {
  it('gives every response a fresh X-Request-Id, repeated in error bodies', async () => {
    const requests: RawRequest[] = [
      { method: 'GET', path: '/v2/models', headers: auth },
      { method: 'GET', path: '/v2/models', headers: auth },
      { method: 'GET', path: '/v2/models' },
      { method: 'GET', path: '/nope' },
      { method: 'GET', path: '/v2/models', headers: { ...auth, prefer: 'code=503' } },
    ];
    const responses = await Promise.all(requests.map(r => send(mock.url, r)));
    const ids = responses.map(r => r.headers['x-request-id']);
    expect(new Set(ids).size).toBe(requests.length);
    for (const id of ids) expect(id).toMatch(/^req_[0-9A-Z]{26}$/);
    for (const res of responses.filter(r => r.status >= 400))
      expect(errorOf(res).request_id).toBe(res.headers['x-request-id']);
    expect(responses.map(r => r.status)).toEqual([200, 200, 401, 404, 503]);
    expect(responses[4]!.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('logs one line per request: time, method, path, status, ms, request id', async () => {
    const res = await send(mock.url, { method: 'GET', path: '/v2/billing/balance?x=1', headers: auth });
    const id = res.headers['x-request-id']!;
    const line = mock.lines.find(l => l.includes(id));
    expect(line).toMatch(
      new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z GET {4}/v2/billing/balance 200 \\d+\\.\\dms ${id}$`),
    );
  });
});

describe('Prefer', () => {
  it('selects a status and a named example, and notes it in the log', async () => {
    const res = await send(mock.url, {
      method: 'GET',
      path: '/v2/models',
      headers: { ...auth, prefer: 'code=403, example=ip_not_allowed' },
    });
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('ip_not_allowed');
    expect(mock.lines.find(l => l.includes(res.headers['x-request-id']!))).toMatch(
      /\(prefer 403 ip_not_allowed\)$/,
    );
  });

  it('answers as if unasked, with X-Mock-Warning, when the preference is not in the contract', async () => {
    for (const prefer of ['code=418', 'code=200, example=nope', 'code=abc']) {
      const request = { method: 'GET', path: '/v2/billing/balance', headers: { ...auth, prefer } };
      const res = await send(mock.url, request);
      expect(res.status, prefer).toBe(200);
      expect(check(request, res)).toEqual([]);
      expect(res.headers['x-mock-warning'], prefer).toMatch(/^Prefer ignored: /);
    }
  });

  it('describes the generation that was asked for when forcing a poll example', async () => {
    const id = 'vid_01JDQ9AAAAAAAAAAAAAAAAAAAA';
    const res = await send(mock.url, {
      method: 'GET',
      path: `/v2/videos/generations/${id}`,
      headers: { ...auth, prefer: 'code=200, example=completed' },
    });
    expect(res.body).toMatchObject({ id, status: 'completed' });
    expect((res.body as { data: { url: string }[] }).data[0]!.url).toContain(id);
  });

  it('keeps the example id when the asked one could not be a generation id', async () => {
    const req = { method: 'GET', path: '/v2/videos/generations/y' };
    const res = await send(mock.url, { ...req, headers: { ...auth, prefer: 'code=200' } });
    expect(res.status).toBe(200);
    expect((res.body as { id: string }).id).toMatch(/^vid_/);
    expect(validator.checkResponse(req, res)).toEqual([]);
  });
});

describe('CORS', () => {
  it('answers a browser preflight so that a frontend can call the mock', async () => {
    const res = await send(mock.url, {
      method: 'OPTIONS',
      path: '/v2/videos/generations',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-headers']).toBe('authorization, content-type');
    const get = await send(mock.url, { method: 'GET', path: '/v2/models', headers: auth });
    expect(get.headers['access-control-expose-headers']).toContain('X-Request-Id');
    expect(res.headers['access-control-allow-private-network']).toBeUndefined();
    // A page can read every header the contract declares on an answer.
    const { operations, routeNotFound } = validator.contract;
    const declared = [...operations.flatMap(op => op.responses), routeNotFound].flatMap(r => r.headers);
    const exposed = get.headers['access-control-expose-headers']!.split(', ');
    expect(declared.map(h => h.name).filter(name => !exposed.includes(name))).toEqual([]);
  });

  it('lets a page served over https reach a mock on loopback (Private Network Access)', async () => {
    const res = await send(mock.url, {
      method: 'OPTIONS',
      path: '/v2/models',
      headers: {
        origin: 'https://docs.mediagen.example',
        'access-control-request-method': 'GET',
        'access-control-request-private-network': 'true',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-private-network']).toBe('true');
  });
});

describe('cli', () => {
  // How fast it starts is measured by `npm run bench:mock`, not asserted here.
  it('starts, prints the secret, logs requests and stops cleanly on SIGTERM', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/mock/cli.ts', '--port', '0'], {
      cwd: root,
      env: { ...process.env, MEDIAGEN_WEBHOOK_SECRET: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', d => (out += d));
    child.stderr.on('data', d => (out += d));
    const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
    try {
      // The start lines may arrive in several chunks: wait for the last of them.
      await vi.waitUntil(() => out.includes('Test values (') || child.exitCode !== null, {
        timeout: 60_000,
        interval: 50,
      });
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      expect(url, out).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(out).toMatch(/Webhook secret: whsec_[A-Za-z0-9+/=]+/);
      expect(out).toContain(
        'Test values (API keys, models, prompt tags, URLs for every error and failure): https://docs.mediagen.example/#section/testing-against-the-mock, or --print-test-values',
      );
      const res = await send(url!, { method: 'GET', path: '/v2/models', headers: auth });
      expect(res.status).toBe(200);
      await vi.waitUntil(() => out.includes(res.headers['x-request-id']!), { timeout: 20_000, interval: 20 });
      expect(out).toContain(`GET    /v2/models 200`);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('SIGTERM: stopping');
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);
});
