// The scenario matrix against the mock: every operation × documented status × named example,
// forced with Prefer, plus the behaviour scenarios (what must happen without Prefer). Each case
// checks status, headers and body against the contract and the example or error it expects. What
// the matrix must cover is counted from generated/openapi.json itself (./declared.ts), not from the
// contract model the scenarios are made from, so a case the scenarios skip fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createContractValidator,
  forcedScenarios,
  behaviourScenarios,
  runScenario,
  formatViolations,
  type Scenario,
} from '../../src/contract/index.ts';
import { send, type RawRequest } from '../../src/contract/http.ts';
import { isObject } from '../../src/kernel/json.ts';
import { FAULT_KINDS } from '../../src/mock/faults.ts';
import { defaultTestValues } from '../../src/mock/fixtures/default-test-values.ts';
import { declaredCases, declaredErrorCodes } from './declared.ts';
import { startTestMock, type TestMock } from '../mock/start.ts';
import { undeclaredHeaders } from './undeclared-headers.ts';

const validator = createContractValidator();
const forced = forcedScenarios(validator.contract, 'mg_test_matrix');
const behaviour = behaviourScenarios(validator.contract, 'mg_test_matrix');
let mock: TestMock;

beforeAll(async () => {
  mock = await startTestMock();
});
afterAll(() => mock.close());

/** A forced scenario as what it asks for and expects, read from its request, not from its name. */
function asked(scenario: Scenario) {
  const prefer = /^code=(\d+)(?:, example=(\S+))?$/.exec(scenario.request.headers?.prefer ?? '');
  return {
    operationId: scenario.operationId,
    method: scenario.request.method,
    path: scenario.request.path,
    status: Number(prefer?.[1]),
    ...(prefer?.[2] ? { example: prefer[2] } : {}),
    expected: scenario.expect,
  };
}

describe('scenario matrix', () => {
  it('asks for every operation × declared status × named example of generated/openapi.json, once', () => {
    const byCase = (c: { operationId?: string; status: number; example?: string }) =>
      `${c.operationId} ${c.status} ${c.example ?? ''}`;
    const declared = declaredCases();
    expect(forced.map(asked).map(byCase).sort()).toEqual(declared.map(byCase).sort());
    for (const c of declared) {
      const scenario = asked(forced.find(s => byCase(asked(s)) === byCase(c))!);
      const template = new RegExp(`^${c.path.replace(/\{[^}]+\}/g, '[^/?]+')}$`);
      expect([byCase(c), scenario.method, scenario.path]).toEqual([
        byCase(c),
        c.method,
        expect.stringMatching(template),
      ]);
      expect([byCase(c), scenario.expected]).toEqual([byCase(c), { status: c.status, example: c.value }]);
    }
  });

  it('expects every error code each declared status allows, in the body of one of its scenarios', () => {
    const expected = forced.flatMap(s => {
      const body = s.expect.example;
      const code = isObject(body) && isObject(body.error) ? body.error.code : undefined;
      return typeof code === 'string' ? [`${s.operationId} ${s.expect.status} ${code}`] : [];
    });
    const codes = declaredErrorCodes();
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.filter(c => !expected.includes(c))).toEqual([]);
  });

  it.each(forced.map(s => [s.name, s] as const))('%s', async (_, scenario) => {
    const result = await runScenario(validator, mock.url, scenario);
    expect(result.violations, formatViolations(result.violations)).toEqual([]);
    expect(undeclaredHeaders(validator.contract, scenario.request, result.response!)).toEqual([]);
    expect(result.response!.headers['x-mock-warning']).toBeUndefined();
  });
});

describe('behaviour without Prefer', () => {
  it.each(behaviour.map(s => [s.name, s] as const))('%s', async (_, scenario) => {
    const result = await runScenario(validator, mock.url, scenario);
    expect(result.violations, formatViolations(result.violations)).toEqual([]);
    expect(undeclaredHeaders(validator.contract, scenario.request, result.response!)).toEqual([]);
  });
});

describe('test keys and injected faults', () => {
  // Answered before the key's window is counted: held to the same contract and declared headers.
  const video = JSON.stringify({ model: 'seedance-v1-pro', prompt: 'a lighthouse', duration: 5 });
  const post = (authorization: string, prefer?: string): RawRequest => ({
    method: 'POST',
    path: '/v2/videos/generations',
    headers: { authorization, 'content-type': 'application/json', ...(prefer ? { prefer } : {}) },
    body: video,
  });
  const requests = [
    ...defaultTestValues.filter(t => t.kind === 'api_key' && t.error).map(t => post(`Bearer ${t.value}`)),
    ...FAULT_KINDS.filter(k => k !== 'stall' && k !== 'cut').map(k =>
      post('Bearer mg_test_matrix', `fault=${k}`),
    ),
  ];
  it.each(requests.map(r => [`${r.headers!.authorization} ${r.headers!.prefer ?? ''}`, r] as const))(
    '%s',
    async (_, request) => {
      const res = await send(mock.url, request);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(validator.checkResponse(request, res)).toEqual([]);
      expect(undeclaredHeaders(validator.contract, request, res)).toEqual([]);
    },
  );
});
