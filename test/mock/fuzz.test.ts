// Thousands of generated requests — valid, invalid, malformed JSON, wrong methods, unknown paths,
// missing or bad credentials, wrong content types, huge and odd values — sent to the mock. Every
// answer must conform to the contract, none may be a 5xx that Prefer did not ask for, and the
// mock must still answer afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createContractValidator,
  formatViolations,
  send,
  type RawRequest,
} from '../../src/contract/index.ts';
import { loadDefaultFixtures } from '../../src/mock/fixtures.ts';
import { undeclaredHeaders } from '../contract/undeclared-headers.ts';
import { startTestMock, type TestMock } from './start.ts';

const RUNS = 2000;
const validator = createContractValidator();
let mock: TestMock;

beforeAll(async () => {
  // Webhooks of fuzzed jobs go to a closed port, once, without retries.
  mock = await startTestMock({ webhookRetryDelaysMs: [], stepMs: 200, maxJobs: 200 });
});
afterAll(() => mock.close());

const printable = fc.string({
  unit: fc.constantFrom(..." !#$%&'()*+-./0123456789:;<=>?@ABCXYZ[]^_`abcxyz{|}~".split('')),
  maxLength: 40,
});
const odd = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constant(''),
  fc.constant('a'.repeat(5000)),
);
const anyJson = fc.oneof(
  { depthSize: 'small' },
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  odd,
  fc.constantFrom(1e308, -0, Number.MAX_SAFE_INTEGER + 2),
  fc.array(fc.integer(), { maxLength: 3 }),
);
const imageUrl = fc.oneof(
  fc.constant('https://example.com/a.png'),
  fc.constant('data:image/png;base64,iVBORw0KGgo='),
  fc.constant('data:text/plain;base64,aGk='),
  fc.constant('http://insecure.example/a.png'),
  odd,
  anyJson,
);
const videoBody = fc.record(
  {
    model: fc.oneof(fc.constant('seedance-v1-pro'), anyJson),
    prompt: fc.oneof(fc.constant('a cat surfing'), fc.string({ minLength: 4090, maxLength: 4100 }), anyJson),
    aspect_ratio: fc.oneof(fc.constantFrom('16:9', '1:1', '5:4'), anyJson),
    resolution: fc.oneof(fc.constantFrom('480p', '1080p', '8K'), anyJson),
    duration: fc.oneof(fc.integer({ min: -3, max: 20 }), anyJson),
    sound: fc.oneof(fc.boolean(), anyJson),
    images: fc.oneof(
      fc.array(
        fc.record(
          { url: imageUrl, role: fc.oneof(fc.constantFrom('first_frame', 'last_frame', 'hero'), anyJson) },
          { requiredKeys: [] },
        ),
        { maxLength: 10 },
      ),
      anyJson,
    ),
    callback_url: fc.oneof(fc.constant('http://127.0.0.1:9/hook'), fc.constant('ftp://example.com/'), odd),
    extra: anyJson,
  },
  { requiredKeys: [] },
);
const imageBody = fc.record(
  {
    model: fc.oneof(fc.constant('seedream-5-lite'), anyJson),
    prompt: fc.oneof(fc.constant('a lighthouse'), anyJson),
    resolution: fc.oneof(fc.constantFrom('1K', '4K', '16K'), anyJson),
    output_format: fc.oneof(fc.constantFrom('png', 'gif'), anyJson),
    images: fc.oneof(fc.array(fc.record({ url: imageUrl }, { requiredKeys: [] }), { maxLength: 4 }), anyJson),
  },
  { requiredKeys: [] },
);
const deep = fc.integer({ min: 10, max: 400 }).map(n => '['.repeat(n) + ']'.repeat(n));
const rawBody = fc.oneof(
  fc.oneof(videoBody, imageBody).map(b => JSON.stringify(b)),
  fc
    .oneof(videoBody, imageBody)
    .map(b => JSON.stringify(b))
    .chain(t => fc.nat({ max: t.length }).map(n => t.slice(0, n))),
  anyJson.map(v => JSON.stringify(v) ?? ''),
  deep,
  printable,
  fc.constant(''),
);
const generationId = fc.oneof(
  fc.constant('vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY'),
  fc.stringMatching(/^(img|vid)_[0-9A-Za-z]{26}$/),
  odd.map(s => encodeURIComponent(s) || 'x'),
  fc.constant('%E0%A4%A'),
);
const path = fc.oneof(
  fc.constantFrom('/v2/models', '/v2/billing/balance', '/v2/images/generations', '/v2/videos/generations'),
  generationId.map(id => `/v2/videos/generations/${id}`),
  fc.constantFrom(
    '/',
    '/v2',
    '/v2/videos',
    '/v2/models/',
    '/V2/MODELS',
    '/v1/models',
    '/v2/videos/generations/a/b',
    '//v2/models',
  ),
  fc.webPath().map(p => p || '/'),
);
const query = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    '?type=image',
    '?type=video',
    '?type=audio',
    '?type=image&type=video',
    '?type=',
    '?__code=500',
    '?x=%zz',
  ),
  printable.map(s => `?type=${encodeURIComponent(s)}`),
);
// Valid requests with a little noise, so that the success paths (jobs included) are fuzzed too.
const fuzzedModel = loadDefaultFixtures().models.get('seedance-v1-pro')!;
const validVideo = fc.record(
  {
    model: fc.constant(fuzzedModel.id),
    prompt: fc.string({ minLength: 1, maxLength: 200 }),
    duration: fc.constantFrom(...fuzzedModel.capabilities.durations!),
    sound: fc.boolean(),
    resolution: fc.constantFrom(...Object.keys(fuzzedModel.capabilities.resolutions)),
    images: fc.array(
      fc.record({
        url: fc.constant('https://example.com/a.png'),
        role: fc.constantFrom('first_frame', 'last_frame', 'reference_image'),
      }),
      { maxLength: 8 },
    ),
  },
  { requiredKeys: ['model', 'prompt'] },
);
const nearValid = fc.oneof(
  fc
    .record({
      prefer: fc.option(fc.constantFrom('fail=timeout', 'fail=face_detected, steps=1', 'steps=2'), {
        nil: undefined,
      }),
      body: validVideo,
    })
    .map(({ prefer, body }): RawRequest => ({
      method: 'POST',
      path: '/v2/videos/generations',
      headers: {
        authorization: 'Bearer mg_test_fuzz',
        'content-type': 'application/json',
        ...(prefer ? { prefer } : {}),
      },
      body: JSON.stringify(body),
    })),
  fc
    .record({
      model: fc.constant('seedream-5-lite'),
      prompt: fc.string({ minLength: 1, maxLength: 200 }),
      output_format: fc.constantFrom('png', 'jpeg', 'webp'),
    })
    .map((body): RawRequest => ({
      method: 'POST',
      path: '/v2/images/generations',
      headers: { authorization: 'Bearer mg_test_fuzz', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })),
  fc
    .constantFrom(
      '/v2/models',
      '/v2/models?type=image',
      '/v2/billing/balance',
      '/v2/videos/generations/vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY',
    )
    .map((path): RawRequest => ({ method: 'GET', path, headers: { authorization: 'Bearer mg_test_fuzz' } })),
);
const wild = fc
  .record({
    method: fc.oneof(
      fc.constantFrom('GET', 'POST'),
      fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
    ),
    path,
    query,
    authorization: fc.option(
      fc.oneof(
        fc.constant('Bearer mg_test_fuzz'),
        fc.constantFrom('Basic dTpw', 'Bearer', 'bearer mg_x', 'Token abc', ''),
        printable,
      ),
      { nil: undefined },
    ),
    contentType: fc.option(
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        'application/xml',
        'multipart/form-data; boundary=x',
        'application/merge-patch+json',
        'application/x-www-form-urlencoded',
      ),
      { nil: undefined },
    ),
    accept: fc.option(fc.constantFrom('application/json', 'text/html', '*/*', 'image/png'), {
      nil: undefined,
    }),
    idempotencyKey: fc.option(fc.oneof(fc.uuid(), fc.constant('k'.repeat(300)), fc.constant('')), {
      nil: undefined,
    }),
    prefer: fc.option(
      fc.oneof(
        fc.constantFrom(
          'code=500',
          'code=999',
          'code=abc',
          'example=nope',
          'code=200, example=balance',
          'fail=timeout',
          'fail=nope',
          'steps=0',
          'steps=2',
        ),
        printable,
      ),
      { nil: undefined },
    ),
    body: fc.option(rawBody, { nil: undefined }),
  })
  .map((r): RawRequest => ({
    method: r.method,
    path: r.path + r.query,
    headers: {
      ...(r.authorization !== undefined ? { authorization: r.authorization } : {}),
      ...(r.contentType !== undefined ? { 'content-type': r.contentType } : {}),
      ...(r.accept !== undefined ? { accept: r.accept } : {}),
      ...(r.idempotencyKey !== undefined ? { 'idempotency-key': r.idempotencyKey } : {}),
      ...(r.prefer !== undefined ? { prefer: r.prefer } : {}),
    },
    ...(r.body !== undefined && r.method !== 'GET' ? { body: r.body } : {}),
  }));
const request = fc.oneof({ arbitrary: wild, weight: 4 }, { arbitrary: nearValid, weight: 1 });

describe('fuzzing the mock', () => {
  it(`answers ${RUNS} generated requests within the contract`, async () => {
    const requests = fc.sample(request, { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261122) });
    // A few that the generator is unlikely to hit: a body over the 25 MiB limit, a 12 MiB data URL.
    const big = Buffer.alloc(26 * 1024 * 1024 + 10, 'a').toString();
    const hugeImage = JSON.stringify({
      model: 'seedream-5-lite',
      prompt: 'p',
      images: [{ url: `data:image/png;base64,${'A'.repeat(16 * 1024 * 1024)}` }],
    });
    const auth = { authorization: 'Bearer mg_test_fuzz', 'content-type': 'application/json' };
    requests.push(
      { method: 'POST', path: '/v2/images/generations', headers: auth, body: big },
      { method: 'POST', path: '/v2/images/generations', headers: auth, body: hugeImage },
    );

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < requests.length; i = next++) {
        const req = requests[i]!;
        const res = await send(mock.url, req);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        // Its own findings have no kind of the contract's table: formatViolations reads where and message.
        const violations: { where: string; message: string }[] = validator.checkResponse(
          { method: req.method, path: req.path },
          res,
        );
        for (const message of undeclaredHeaders(validator.contract, req, res))
          violations.push({ where: 'header', message });
        const asked = /code=5/.test(req.headers?.prefer ?? '') || /__code=5/.test(req.path);
        if (res.status >= 500 && !asked)
          violations.push({ where: 'status', message: `unforced ${res.status}: ${res.text.slice(0, 200)}` });
        if (violations.length > 0 && failures.length < 10) {
          failures.push(
            `${req.method} ${req.path.slice(0, 80)} ${JSON.stringify(req.headers)} ${String(req.body ?? '').slice(0, 120)}\n → ${res.status}\n${formatViolations(violations)}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    expect(failures, failures.join('\n\n')).toEqual([]);
    // The generator did reach the interesting answers, not only one kind.
    for (const status of [200, 202, 400, 401, 404, 413, 415])
      expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);

    const after = await send(mock.url, {
      method: 'GET',
      path: '/v2/models',
      headers: { authorization: 'Bearer mg_test_fuzz' },
    });
    expect(after.status).toBe(200);
    expect(mock.state.sizes().jobs).toBeLessThanOrEqual(200);
  }, 40_000);
});
