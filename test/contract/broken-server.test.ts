// The suite must catch a server that breaks the contract. The one of ./broken-server.ts answers every
// scenario, but each route breaks it in a different way; the report has to name each break.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, runContractSuite, type SuiteReport } from '../../src/contract/index.ts';
import { startBrokenServer } from './broken-server.ts';

let server: Awaited<ReturnType<typeof startBrokenServer>>;
let report: SuiteReport;

beforeAll(async () => {
  server = await startBrokenServer();
  report = await runContractSuite({
    baseUrl: server.url,
    apiKey: 'mg_test',
    forced: false,
    billable: false,
  });
});
afterAll(() => server.close());

const violationsOf = (name: string) => {
  const result = report.results.find(r => r.scenario.name === name);
  if (!result) throw new Error(`no scenario ${name}`);
  return result.violations;
};

describe('the suite against a server that breaks the contract', () => {
  it('reports a missing X-Request-Id', () => {
    expect(violationsOf('getBalance: valid')).toEqual([
      {
        kind: 'missing header X-Request-Id',
        where: 'header X-Request-Id',
        message: 'required header is missing',
      },
    ]);
  });

  it('reports a body that is not the error envelope', () => {
    expect(violationsOf('getBalance: no Authorization')).toContainEqual({
      kind: 'schema',
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
      kind: 'schema',
      where: 'body/0/type',
      message: 'must be equal to one of the allowed values: image, video',
    });
    expect(v).toContainEqual({
      kind: 'schema',
      where: 'body/0/created_at',
      message: 'must match format "date-time"',
    });
  });

  it('reports request_id differing from X-Request-Id', () => {
    expect(violationsOf('getVideoGeneration: id of another shape')).toContainEqual(
      expect.objectContaining({ where: 'body/error/request_id' }),
    );
  });

  it('reports a code not allowed under the status', () => {
    expect(violationsOf('getVideoGeneration: unknown id')).toContainEqual({
      kind: 'code not allowed under the status',
      where: 'body/error/code',
      message: 'code "rate_limit" is not declared for getVideoGeneration 404; allowed: not_found',
    });
  });

  it('reports a status other than the behaviour requires', () => {
    expect(violationsOf('createVideoGeneration: text/plain body')).toContainEqual({
      kind: 'status other than the scenario expects',
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
