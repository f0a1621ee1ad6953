// A deliberately broken upstream: each route plants its own violations under its own request id.
// Through the proxy, every planted violation is reported exactly once with that id, in both modes;
// strict mode replaces each broken answer by a contract-valid 502 naming the violations. The
// caller's key, echoed by the upstream in full and in part, appears in no log line, report or body.
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractValidator, send, type RawResponse } from '../../src/contract/index.ts';
import { FRAGMENT } from '../../src/proxy/redact.ts';
import { startTestProxy, startUpstream, type TestProxy, type TestUpstream } from './start.ts';

const KEY = 'mg_live_7Qx9ZkP2wR4tYb8NvC3m';
const validator = createContractValidator();

const envelope = (code: string, type: string, requestId: string, extra: Record<string, unknown> = {}) => ({
  error: {
    message: 'x',
    type,
    code,
    param: null,
    doc_url: `https://docs.mediagen.example/#error-${code}`,
    request_id: requestId,
    ...extra,
  },
});

interface Plant {
  method: string;
  path: string;
  /** What the upstream answers. */
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** The violations the proxy must report, by `where`, under `headers['x-request-id']`. */
  planted: string[];
}

const json = { 'content-type': 'application/json' };
const plants: Plant[] = [
  {
    method: 'GET',
    path: '/v2/billing/balance',
    status: 200,
    headers: { ...json, 'x-request-id': 'req_plant_currency' },
    body: { balance: 1, currency: 'usd' },
    planted: ['body/currency'],
  },
  {
    method: 'GET',
    path: '/v2/models',
    status: 200,
    headers: { ...json, 'x-request-id': 'req_plant_models' },
    body: [{ id: 'm', name: 'M', type: 'audio', created_at: 'yesterday' }],
    planted: ['body/0/type', 'body/0/created_at'],
  },
  {
    method: 'GET',
    path: '/v2/models?type=audio',
    status: 422,
    headers: { ...json, 'x-request-id': 'req_plant_status' },
    body: envelope('invalid_parameter', 'invalid_request_error', 'req_plant_status'),
    planted: ['status'],
  },
  {
    method: 'GET',
    path: '/v2/models?type=sound',
    status: 400,
    headers: { ...json, 'x-request-id': 'req_plant_id' },
    body: envelope('invalid_parameter', 'invalid_request_error', 'req_OTHER'),
    planted: ['body/error/request_id'],
  },
  {
    method: 'GET',
    path: `/v2/videos/generations/vid_${'0'.repeat(26)}`,
    status: 404,
    headers: { ...json, 'x-request-id': 'req_plant_code' },
    body: envelope('rate_limit', 'rate_limit_error', 'req_plant_code'),
    planted: ['body/error/code'],
  },
  {
    method: 'POST',
    path: '/v2/videos/generations',
    status: 429,
    headers: { ...json, 'x-request-id': 'req_plant_headers' },
    body: envelope('rate_limit', 'rate_limit_error', 'req_plant_headers'),
    planted: [
      'header Retry-After',
      'header X-RateLimit-Limit',
      'header X-RateLimit-Remaining',
      'header X-RateLimit-Reset',
    ],
  },
  // The key in full and in part, where the validator quotes what it found.
  {
    method: 'GET',
    path: '/v2/models?type=video',
    status: 429,
    headers: {
      ...json,
      'x-request-id': 'req_plant_secret',
      'retry-after': KEY,
      'x-ratelimit-limit': '60',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': KEY.slice(3, 15),
    },
    body: envelope('rate_limit', 'rate_limit_error', 'req_plant_secret', {
      message: `Too many requests for key ${KEY}`,
    }),
    planted: ['header Retry-After', 'header X-RateLimit-Reset'],
  },
  {
    method: 'GET',
    path: '/v2/nope',
    status: 200,
    headers: { ...json, 'x-request-id': 'req_plant_route' },
    body: {},
    planted: ['status', 'body'],
  },
];
const conforming: Plant = {
  method: 'GET',
  path: '/v2/billing/balance?ok',
  status: 200,
  headers: { ...json, 'x-request-id': 'req_ok' },
  body: { balance: 42.5, currency: 'USD' },
  planted: [],
};
/** Not JSON, with the key in it: a bad upstream, not a violation. */
const notJson = {
  method: 'POST',
  path: '/v2/images/generations',
  body: `Unauthorized: the key ${KEY} is revoked`,
};

let upstream: TestUpstream;
beforeAll(async () => {
  upstream = await startUpstream((req, res: ServerResponse) => {
    req.resume();
    const plant = [...plants, conforming].find(p => p.method === req.method && p.path === req.url);
    if (plant) {
      res.writeHead(plant.status, plant.headers);
      return res.end(JSON.stringify(plant.body));
    }
    res.writeHead(200, { 'content-type': 'text/plain', 'x-request-id': 'req_plant_text' });
    res.end(notJson.body);
  });
});
afterAll(() => upstream.close());

const call = (proxy: TestProxy, p: { method: string; path: string }) =>
  send(proxy.url, {
    method: p.method,
    path: p.path,
    headers: {
      authorization: `Bearer ${KEY}`,
      ...(p.method === 'POST' ? { 'content-type': 'application/json' } : {}),
    },
    ...(p.method === 'POST' ? { body: '{}' } : {}),
  });

/** Every run of FRAGMENT characters of the key found in `text`. */
const leaks = (text: string) =>
  Array.from({ length: KEY.length - FRAGMENT + 1 }, (_, i) => KEY.slice(i, i + FRAGMENT)).filter(part =>
    text.includes(part),
  );

describe.each([{ strict: false }, { strict: true }])(
  'a broken upstream through the proxy (strict: $strict)',
  ({ strict }) => {
    let proxy: TestProxy;
    const answers = new Map<string, RawResponse>();
    beforeAll(async () => {
      proxy = await startTestProxy(upstream.url, { strict, validator });
      for (const p of [...plants, conforming, notJson])
        answers.set(`${p.method} ${p.path}`, await call(proxy, p));
      await proxy.close();
    });

    it('reports every planted violation once, with the request id of its answer', () => {
      const violations = proxy.records().filter(r => r.where !== 'route' && r.where !== 'upstream');
      const reported = violations.map(r => `${r.requestId} ${r.where}`).sort();
      const planted = plants
        .flatMap(p => p.planted.map(where => `${p.headers['x-request-id']} ${where}`))
        .sort();
      expect(reported).toEqual(planted);
      expect(violations.every(r => r.action === (strict ? 'replaced' : 'passed'))).toBe(true);
      expect(proxy.report).toMatchObject({
        checked: plants.length + 1,
        violating: plants.length,
        violations: planted.length,
        failures: 1,
        outside: 1,
      });
    });

    it('logs one line per violation with method, path, status and request id', () => {
      for (const p of plants) {
        const path = p.path.split('?')[0]!;
        const lines = proxy.lines.filter(line => line.includes(` ${p.headers['x-request-id']} ✗ `));
        expect(lines).toHaveLength(p.planted.length);
        for (const line of lines)
          expect(line).toContain(`${p.method.padEnd(6)} ${path} ${p.status} ${p.headers['x-request-id']} ✗ `);
      }
    });

    it('reports the path outside the contract as such', () => {
      expect(proxy.records().filter(r => r.where === 'route')).toEqual([
        expect.objectContaining({
          method: 'GET',
          path: '/v2/nope',
          operation: null,
          kind: 'outside the contract',
          requestId: 'req_plant_route',
        }),
      ]);
    });

    it(
      strict
        ? 'replaces each broken answer by a contract-valid 502 naming its violations'
        : 'passes every answer on unchanged',
      () => {
        for (const p of plants) {
          const res = answers.get(`${p.method} ${p.path}`)!;
          if (!strict) {
            expect([res.status, res.text]).toEqual([p.status, JSON.stringify(p.body)]);
            expect(res.headers['x-request-id']).toBe(p.headers['x-request-id']);
            continue;
          }
          // Outside the contract no 502 is declared: the envelope is checked as getBalance's.
          expect(
            validator.checkResponse(
              p.path === '/v2/nope' ? 'getBalance' : { method: p.method, path: p.path },
              res,
            ),
          ).toEqual([]);
          const error = (res.body as { error: { code: string; message: string; request_id: string } }).error;
          expect([res.status, error.code]).toEqual([502, 'bad_gateway']);
          expect(error.message).toContain(p.headers['x-request-id']);
          for (const where of p.planted) expect(error.message).toContain(`${where}: `);
          expect(res.headers['x-request-id']).toMatch(/^req_[0-9A-Z]{26}$/);
        }
        const ok = answers.get(`${conforming.method} ${conforming.path}`)!;
        expect([ok.status, ok.text, ok.headers['x-request-id']]).toEqual([
          200,
          JSON.stringify(conforming.body),
          'req_ok',
        ]);
      },
    );

    it('answers a body that is not JSON with a contract-valid 502, in either mode', () => {
      const res = answers.get(`${notJson.method} ${notJson.path}`)!;
      expect(res.status).toBe(502);
      expect(validator.checkResponse('generateImage', res)).toEqual([]);
      const failure = proxy.records().filter(r => r.where === 'upstream');
      expect(failure).toEqual([
        expect.objectContaining({
          kind: 'upstream body unreadable',
          status: 200,
          requestId: res.headers['x-request-id'],
          action: 'replaced',
        }),
      ]);
    });

    it('never writes the key, in full or in part, to a log line, the report or an error body', () => {
      const errorBodies = [...answers.values()]
        .filter(r => r.headers['x-request-id']?.match(/^req_[0-9A-Z]{26}$/))
        .map(r => r.text);
      expect(errorBodies.length).toBe(strict ? plants.length + 1 : 1);
      expect(leaks([...proxy.lines, proxy.report.summary()].join('\n'))).toEqual([]);
      expect(leaks(JSON.stringify(proxy.records()))).toEqual([]);
      expect(leaks(errorBodies.join('\n'))).toEqual([]);
      // The violations that quoted the key are still there, redacted.
      expect(proxy.records()).toContainEqual(
        expect.objectContaining({
          requestId: 'req_plant_secret',
          where: 'header Retry-After',
          message: expect.stringContaining('[redacted]'),
        }),
      );
      expect(proxy.records()).toContainEqual(
        expect.objectContaining({
          requestId: 'req_plant_secret',
          where: 'header X-RateLimit-Reset',
          message: expect.stringContaining('[redacted]'),
        }),
      );
    });
  },
);
