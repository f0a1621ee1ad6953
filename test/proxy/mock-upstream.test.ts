// The mock as upstream: the whole scenario matrix through the proxy, in both modes, keeps the
// contract (0 violations) and arrives exactly as the mock sent it; requests arrive unchanged.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  behaviourScenarios,
  createContractValidator,
  forcedScenarios,
  formatViolations,
  runScenario,
  send,
} from '../../src/contract/index.ts';
import { OUTSIDE } from '../../src/proxy/report.ts';
import { startTestMock, type TestMock } from '../mock/start.ts';
import { startTestProxy, startUpstream, type TestProxy, type TestUpstream } from './start.ts';

const validator = createContractValidator();
const scenarios = [
  ...forcedScenarios(validator.contract, 'mg_test_proxy'),
  ...behaviourScenarios(validator.contract, 'mg_test_proxy'),
];
const outside = scenarios.filter(s => s.operationId === undefined);
let mock: TestMock;

beforeAll(async () => {
  mock = await startTestMock();
});
afterAll(() => mock.close());

describe.each([{ strict: false }, { strict: true }])(
  'the scenario matrix through the proxy (strict: $strict)',
  ({ strict }) => {
    let proxy: TestProxy;
    beforeAll(async () => {
      proxy = await startTestProxy(mock.url, { strict, validator });
    });
    afterAll(() => proxy.close());

    it('answers every scenario as the mock does, and reports no violation', async () => {
      const failed: string[] = [];
      for (const scenario of scenarios) {
        const result = await runScenario(validator, proxy.url, scenario);
        if (result.violations.length > 0)
          failed.push(`${scenario.name}:\n${formatViolations(result.violations)}`);
      }
      expect(failed).toEqual([]);
      expect(proxy.report).toMatchObject({
        checked: scenarios.length,
        violating: 0,
        violations: 0,
        failures: 0,
        outside: outside.length,
      });
      await proxy.close();
      // Only the requests outside the contract are in the report, as such.
      expect(proxy.records().map(r => [r.kind, r.method, r.path])).toEqual(
        outside.map(s => [OUTSIDE, s.request.method, s.request.path]),
      );
      expect(proxy.lines.filter(line => line.includes('✗'))).toEqual([]);
    });
  },
);

describe('a key of a few characters', () => {
  it('is checked on the answer as sent: redaction touches only what the proxy writes', async () => {
    const proxy = await startTestProxy(mock.url, { strict: true, validator });
    // "5" is in the balance 42.5 and in every request id: a redacted copy would not even parse.
    const res = await send(proxy.url, {
      method: 'GET',
      path: '/v2/billing/balance',
      headers: { authorization: 'Bearer 5' },
    });
    await proxy.close();
    expect([res.status, validator.checkResponse('getBalance', res)]).toEqual([200, []]);
    expect(proxy.report).toMatchObject({ checked: 1, violations: 0, failures: 0 });
  });
});

describe('forwarding', () => {
  let echo: TestUpstream;
  let proxy: TestProxy;
  let connections = 0;
  beforeAll(async () => {
    echo = await startUpstream((req, res) => {
      const hash = createHash('sha256');
      let bytes = 0;
      req.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        bytes += chunk.length;
      });
      req.on('end', () => {
        const body = JSON.stringify({
          method: req.method,
          url: req.url,
          headers: req.headers,
          bytes,
          sha256: hash.digest('hex'),
        });
        res.writeHead(200, {
          'content-type': 'application/json',
          'x-request-id': 'req_echo',
          'x-upstream': 'yes',
        });
        res.end(body);
      });
    });
    echo.server.on('connection', () => connections++);
    proxy = await startTestProxy(`${echo.url}/api/`);
  });
  afterAll(async () => {
    await proxy.close();
    await echo.close();
  });

  it('forwards method, path (under the upstream prefix), query, headers and a streamed body unchanged', async () => {
    const body = Buffer.alloc(3 * 1024 * 1024, 'a');
    const res = await send(proxy.url, {
      method: 'POST',
      path: '/v2/images/generations?x=1&y=%20two',
      headers: {
        authorization: 'Bearer mg_test_forward',
        'content-type': 'application/json',
        'idempotency-key': 'idem-1',
        'x-custom': 'kept',
        'accept-encoding': 'gzip, deflate, br, zstd',
      },
      body,
    });
    expect(res.status).toBe(200);
    expect(res.headers['x-upstream']).toBe('yes');
    const seen = res.body as {
      method: string;
      url: string;
      headers: Record<string, string>;
      bytes: number;
      sha256: string;
    };
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/api/v2/images/generations?x=1&y=%20two');
    expect(seen.headers).toMatchObject({
      authorization: 'Bearer mg_test_forward',
      'idempotency-key': 'idem-1',
      'x-custom': 'kept',
      host: new URL(echo.url).host,
    });
    // Only the codings the proxy can undo to check the answer are offered to the upstream.
    expect(seen.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(seen.bytes).toBe(body.length);
    expect(seen.sha256).toBe(createHash('sha256').update(body).digest('hex'));
  });

  it('asks for identity when the caller accepts only codings the proxy cannot read', async () => {
    const res = await send(proxy.url, {
      method: 'GET',
      path: '/v2/models',
      headers: { 'accept-encoding': 'zstd' },
    });
    expect((res.body as { headers: Record<string, string> }).headers['accept-encoding']).toBe('identity');
  });

  it('keeps the upstream connection alive between requests', async () => {
    const before = connections;
    for (let i = 0; i < 5; i++)
      expect((await send(proxy.url, { method: 'GET', path: '/v2/models' })).status).toBe(200);
    expect(connections - before).toBeLessThanOrEqual(1);
  });
});
