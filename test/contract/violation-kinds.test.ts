// The kinds of violation as data: each is set where its violation is found, every kind of the table is
// made by some check, a reworded message keeps its kind in every report, and a kind outside the table
// does not compile.
import { beforeAll, describe, expect, it } from 'vitest';
import { createContractValidator, type Violation } from '../../src/contract/index.ts';
import { ruleId, sarifReport } from '../../src/contract/reporters/sarif.ts';
import { suiteVerdict } from '../../src/contract/reporters/suite-verdict.ts';
import { checkExpectation, runScenario } from '../../src/contract/suite.ts';
import type { Scenario } from '../../src/contract/scenarios.ts';
import {
  KINDS,
  kindDescription,
  type FindingKind,
  type ViolationKind,
} from '../../src/contract/violation-kind.ts';
import { failureFinding, findingsOf, type Failure } from '../../src/proxy/findings.ts';
import { startUpstream } from '../proxy/start.ts';
import { sarifErrors } from './report-formats.ts';
import { workflowFixtures } from './workflow-kind-fixtures.ts';

const validator = createContractValidator();
const json = { 'content-type': 'application/json' };
const example = validator.contract.operations
  .find(o => o.operationId === 'generateImage')!
  .responses.find(r => r.status === 402)!.examples.quota_exceeded!;
const quota = example as { error: Record<string, unknown> };
const quotaId = quota.error.request_id as string;
const headers = { ...json, 'x-request-id': quotaId };
const image = (status: number, body: unknown, h: Record<string, string> = headers) =>
  validator.checkResponse('generateImage', { status, headers: h, body });

const scenario: Scenario = {
  name: 'generateImage: quota',
  operationId: 'generateImage',
  request: { method: 'POST', path: '/v2/images/generations' },
  forced: true,
  billable: false,
  expect: { status: 402, error: { code: 'quota_exceeded' }, example },
};
const answer = (status: number, body: unknown) => ({ status, headers, text: JSON.stringify(body), body });

/** A port of 127.0.0.1 where nothing listens (it did a moment ago). */
async function closedPort(): Promise<string> {
  const server = await startUpstream(() => undefined);
  await server.close();
  return server.url;
}

/** Each check that makes a kind, with the kind it must give. */
async function fixtures(): Promise<[ViolationKind, Violation[]][]> {
  const unreachable = await closedPort();
  const unanswered = await runScenario(validator, unreachable, scenario);
  return [
    ['undeclared status', image(418, quota)],
    ['undeclared status', validator.checkResponse({ method: 'GET', path: '/v2/nowhere' }, answer(200, {}))],
    ['status other than the scenario expects', checkExpectation(scenario, answer(200, quota))],
    ['no answer', unanswered.violations],
    ['missing header X-Request-Id', image(402, quota, json)],
    ['bad header Content-Type', image(402, quota, { ...headers, 'content-type': 'text/plain' })],
    ['request_id differs from X-Request-Id', image(402, quota, { ...headers, 'x-request-id': 'req_other' })],
    ['code not allowed under the status', image(402, { error: { ...quota.error, code: 'rate_limit' } })],
    ['error other than expected', checkExpectation(scenario, answer(402, { error: { code: 'x' } }))],
    [
      'differs from the example',
      checkExpectation(scenario, answer(402, { error: { ...quota.error, a: 1 } })),
    ],
    ['body not JSON', image(402, '{"error":')],
    ['no body', image(402, '')],
    ['schema', image(402, { error: { ...quota.error, required: 'lots' } })],
    ...(await workflowFixtures(validator, unreachable)),
  ];
}

const call = { method: 'POST', path: '/v2/images/generations' };
const suiteReport = (violations: Violation[]) => ({
  baseUrl: 'http://api.test',
  results: [{ scenario, violations }],
  skipped: [],
});

describe('violation kinds', () => {
  let made: [ViolationKind, Violation[]][];
  let all: Violation[];
  beforeAll(async () => {
    made = await fixtures();
    all = made.flatMap(([, violations]) => violations);
  });

  it('are set where each violation is found: each check gives its own', () => {
    for (const [kind, violations] of made)
      expect(
        violations.map(v => v.kind),
        kind,
      ).toContain(kind);
  });

  it('are every kind of the table, each made by a check (upstream failures by the proxy)', () => {
    const failures: Failure[] = ['unreachable', 'timeout', 'cut', 'unreadable', 'oversized'];
    const upstream = failures.map(f => failureFinding(call, null, f, 'detail', 502, 'req_1').kind);
    const family = (kind: string) => kind.replace(/^(missing|bad) header .*$/, '$1 header <Name>');
    const produced = [...all.map(v => v.kind), ...upstream].map(family);
    expect(new Set(produced)).toEqual(new Set(KINDS.map(k => k.kind)));
  });

  it('file a request_id that breaks its schema under schema, not as one that differs from X-Request-Id', () => {
    const v = image(402, { error: { ...quota.error, request_id: 7 } });
    expect(v).toContainEqual({ kind: 'schema', where: 'body/error/request_id', message: 'must be string' });
  });

  it("stay with their violation when its message is reworded, in the suite's reports and the proxy's", () => {
    const kinds = all.map(v => v.kind);
    const reworded = all.map(v => ({ ...v, message: 'said another way' }));
    expect(suiteVerdict(suiteReport(reworded)).cases[0]!.findings.map(f => f.kind)).toEqual(kinds);
    const checked = { operation: 'generateImage', requestId: quotaId, violations: reworded };
    expect(findingsOf(call, 402, checked, 'passed').map(f => f.kind)).toEqual(kinds);
  });

  it("give a SARIF rule the kind's description as its text, one for every header of a kind", () => {
    const at = () => ({ uri: 'generated/openapi.json', line: 1, pointer: '#/paths' });
    const sarif = sarifReport(suiteVerdict(suiteReport(all)), at);
    expect(sarifErrors(sarif)).toEqual([]);
    const rules: { name: FindingKind; shortDescription: { text: string } }[] =
      JSON.parse(sarif).runs[0].tool.driver.rules;
    // One rule for each kind the checks made, a header kind once per header.
    expect(rules.map(r => r.name)).toEqual([...new Set(all.map(v => v.kind))].sort());
    for (const rule of rules) expect(rule.shortDescription.text).toBe(kindDescription(rule.name));
    const missing = KINDS.find(k => k.kind === 'missing header <Name>')!.description;
    expect(kindDescription('missing header Retry-After')).toBe(missing);
    expect(kindDescription('missing header X-Request-Id')).toBe(missing);
  });

  it('are those of the table only: any other does not compile', () => {
    // @ts-expect-error: no kind of the table
    const unknown: Violation = { kind: 'schema error', where: 'body', message: 'must be string' };
    // @ts-expect-error: a header kind is its family's name, a space, then the header's
    const typo: FindingKind = 'missing-header X-Request-Id';
    const names = KINDS.map(k => k.kind);
    expect(names).not.toContain(unknown.kind);
    expect(names).not.toContain(typo);
    expect(new Set(names).size).toBe(names.length);
    // A SARIF rule's id is the kind in lower case and dashes: no two kinds may share one.
    expect(new Set(names.map(k => ruleId(k as FindingKind))).size).toBe(names.length);
    expect(new Set(KINDS.map(k => k.description)).size).toBe(names.length);
  });
});
