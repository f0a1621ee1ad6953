// A deliberately broken upstream (./plants.ts): each route plants its own violations under its own
// request id. Through the proxy, every planted violation is reported exactly once with that id, in both modes;
// strict mode replaces each broken answer by a contract-valid 502 naming the violations. The
// caller's key, echoed by the upstream in full and in part, appears in no log line, report or body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractValidator, type RawResponse } from '../../src/contract/index.ts';
import { call, conforming, leaks, notJson, plantedUpstream, plants } from './plants.ts';
import { startTestProxy, startUpstream, type TestProxy, type TestUpstream } from './start.ts';

const validator = createContractValidator();

let upstream: TestUpstream;
beforeAll(async () => {
  upstream = await startUpstream(plantedUpstream);
});
afterAll(() => upstream.close());

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
