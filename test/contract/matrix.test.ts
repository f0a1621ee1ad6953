// The scenario matrix against the mock: every operation × documented status × named example,
// forced with Prefer, plus the behaviour scenarios (what must happen without Prefer). Each case
// checks status, headers and body against the contract and the example or error it expects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createContractValidator,
  forcedScenarios,
  behaviourScenarios,
  runScenario,
  formatViolations,
} from '../../src/contract/index.ts';
import { startTestMock, type TestMock } from '../mock/start.ts';

const validator = createContractValidator();
const forced = forcedScenarios(validator.contract, 'mg_test_matrix');
const behaviour = behaviourScenarios(validator.contract, 'mg_test_matrix');
let mock: TestMock;

beforeAll(async () => {
  mock = await startTestMock();
});
afterAll(() => mock.close());

describe('scenario matrix', () => {
  it('covers every operation, every documented status and every named example', () => {
    for (const op of validator.contract.operations) {
      for (const r of op.responses) {
        const names = Object.keys(r.examples);
        for (const name of names.length ? names : ['']) {
          expect(forced.map(s => s.name)).toContain(`${op.operationId} ${r.status}${name ? ` ${name}` : ''}`);
        }
      }
    }
  });

  it.each(forced.map(s => [s.name, s] as const))('%s', async (_, scenario) => {
    const result = await runScenario(validator, mock.url, scenario);
    expect(result.violations, formatViolations(result.violations)).toEqual([]);
    expect(result.response!.headers['x-mock-warning']).toBeUndefined();
  });
});

describe('behaviour without Prefer', () => {
  it.each(behaviour.map(s => [s.name, s] as const))('%s', async (_, scenario) => {
    const result = await runScenario(validator, mock.url, scenario);
    expect(result.violations, formatViolations(result.violations)).toEqual([]);
  });
});
