// The suite must catch a server that breaks the contract. This one answers every scenario, but
// each route breaks it in a different way; the report has to name each break.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, runContractSuite, type SuiteReport } from '../../src/contract/index.ts';

let server: Server;
let report: SuiteReport;

function reply(
  res: import('node:http').ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

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

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    const url = req.url ?? '/';
    if (url === '/v2/billing/balance' && req.headers.authorization?.startsWith('Bearer ')) {
      return reply(res, 200, {}, { balance: 1, currency: 'USD' }); // no X-Request-Id
    }
    if (url === '/v2/billing/balance') {
      return reply(res, 401, { 'x-request-id': 'req_a' }, { message: 'unauthorized' }); // not the envelope
    }
    if (url.startsWith('/v2/models?type=audio')) {
      return reply(
        res,
        422,
        { 'x-request-id': 'req_b' },
        envelope('invalid_parameter', 'invalid_request_error', 'req_b'),
      ); // undeclared status
    }
    if (url.startsWith('/v2/models')) {
      return reply(res, 200, { 'x-request-id': 'req_c' }, [
        { id: 'm', name: 'M', type: 'audio', created_at: 'yesterday' },
      ]); // schema
    }
    if (url === '/v2/videos/generations/123') {
      return reply(
        res,
        400,
        { 'x-request-id': 'req_d' },
        envelope('invalid_parameter', 'invalid_request_error', 'req_OTHER'),
      ); // request_id ≠ header
    }
    if (url.startsWith('/v2/videos/generations/')) {
      return reply(
        res,
        404,
        { 'x-request-id': 'req_e' },
        envelope('rate_limit', 'rate_limit_error', 'req_e'),
      ); // code not allowed under 404
    }
    if (url === '/v2/videos/generations' && req.headers['content-type'] === 'text/plain') {
      return reply(
        res,
        400,
        { 'x-request-id': 'req_f' },
        envelope('invalid_json', 'invalid_request_error', 'req_f'),
      ); // wrong status for the case
    }
    // Everything else, unknown routes included: Prism's problem+json.
    res.writeHead(404, { 'content-type': 'application/problem+json' });
    res.end(
      JSON.stringify({
        type: 'https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR',
        title: 'Route not resolved',
        status: 404,
      }),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  report = await runContractSuite({
    baseUrl: `http://127.0.0.1:${port}`,
    apiKey: 'mg_test',
    forced: false,
    billable: false,
  });
});
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

const violationsOf = (name: string) => {
  const result = report.results.find(r => r.scenario.name === name);
  if (!result) throw new Error(`no scenario ${name}`);
  return result.violations;
};

describe('the suite against a server that breaks the contract', () => {
  it('reports a missing X-Request-Id', () => {
    expect(violationsOf('getBalance: valid')).toEqual([
      { where: 'header X-Request-Id', message: 'required header is missing' },
    ]);
  });

  it('reports a body that is not the error envelope', () => {
    expect(violationsOf('getBalance: no Authorization')).toContainEqual({
      where: 'body',
      message: "must have required property 'error'",
    });
  });

  it('reports an undeclared status', () => {
    expect(violationsOf('listModels: unknown type')).toContainEqual(
      expect.objectContaining({
        where: 'status',
        message: expect.stringMatching(/^422 is not declared for listModels/),
      }),
    );
  });

  it('reports a schema violation at its path', () => {
    const v = violationsOf('listModels: valid');
    expect(v).toContainEqual({
      where: 'body/0/type',
      message: 'must be equal to one of the allowed values: image, video',
    });
    expect(v).toContainEqual({ where: 'body/0/created_at', message: 'must match format "date-time"' });
  });

  it('reports request_id differing from X-Request-Id', () => {
    expect(violationsOf('getVideoGeneration: id of another shape')).toContainEqual(
      expect.objectContaining({ where: 'body/error/request_id' }),
    );
  });

  it('reports a code not allowed under the status', () => {
    expect(violationsOf('getVideoGeneration: unknown id')).toContainEqual({
      where: 'body/error/code',
      message: 'code "rate_limit" is not declared for getVideoGeneration 404; allowed: not_found',
    });
  });

  it('reports a status other than the behaviour requires', () => {
    expect(violationsOf('createVideoGeneration: text/plain body')).toContainEqual({
      where: 'status',
      message: 'expected 415, got 400',
    });
  });

  it('reports a problem+json answer to an unknown route', () => {
    expect(violationsOf('unknown path').map(v => v.where)).toEqual([
      'header X-Request-Id',
      'header Content-Type',
      'body',
      'body/error/code',
      'body/error/resource',
    ]);
  });

  it('prints a report naming each failing scenario and the skipped ones', () => {
    const text = formatReport(report);
    expect(text).toMatch(/^Contract suite against http:\/\/127\.0\.0\.1:\d+: 0\/18 scenarios conform\./);
    expect(text).toContain('✗ getBalance: valid (GET /v2/billing/balance → 200)');
    expect(text).toContain('- skipped Prefer scenarios: need a forced state (a mock)');
    expect(text).toContain('- skipped generateImage: valid: starts a billable generation');
  });
});
