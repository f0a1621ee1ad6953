// Runs scenarios against a server (the mock, or a real one) and reports every violation: the
// contract's own (status, headers, schema) and the scenario's expectation (status, code, example);
// then the contract's workflows (workflows/), whose results take the same form.
import { loadContract } from '../kernel/load.ts';
import { answerLimits, type AnswerLimits } from './answer-limits.ts';
import { send, type RawResponse } from './http.ts';
import { forcedScenarios, type Scenario } from './scenarios.ts';
import { behaviourScenarios } from './behaviour-scenarios.ts';
import type { Contract } from '../kernel/contract.ts';
import {
  createContractValidator,
  formatViolations,
  type ContractValidator,
  type Violation,
} from './validate.ts';
import { isObject } from '../kernel/json.ts';
import { checkOptions, type OptionTable } from '../kernel/options.ts';
import { positiveInteger } from '../kernel/server-limits.ts';
import { checkWorkflowOptions, runWorkflowSuite, type WorkflowOptions } from './workflows/workflow-suite.ts';

export interface CaseResult {
  scenario: Scenario;
  response?: RawResponse;
  violations: Violation[];
}

export interface SuiteReport {
  baseUrl: string;
  results: CaseResult[];
  /** Scenarios left out, and why. */
  skipped: { name: string; reason: string }[];
}

export interface SuiteOptions extends Partial<AnswerLimits>, WorkflowOptions {
  baseUrl: string;
  apiKey: string;
  /** Include the Prefer scenarios (only a mock honours them). */
  forced?: boolean;
  /** Include scenarios that start (and so pay for) a generation. */
  billable?: boolean;
  validator?: ContractValidator;
  /** Scenarios in flight at once (default 8). */
  concurrency?: number;
  /** Called as each scenario ends, with how many have: a progress line. */
  onResult?: (result: CaseResult, done: number, total: number) => void;
}

/** Ids are the server's to choose: compare bodies without them. */
function withoutIds(value: unknown): unknown {
  if (!isObject(value)) return value;
  const { id: _id, ...rest } = value;
  if (isObject(rest.error)) {
    const { request_id: _r, ...error } = rest.error;
    return { ...rest, error };
  }
  return rest;
}

export function checkExpectation(scenario: Scenario, response: RawResponse): Violation[] {
  const out: Violation[] = [];
  const { expect } = scenario;
  if (response.status !== expect.status)
    out.push({
      kind: 'status other than the scenario expects',
      where: 'status',
      message: `expected ${expect.status}, got ${response.status}`,
    });
  const error = isObject(response.body) && isObject(response.body.error) ? response.body.error : {};
  for (const [field, wanted] of Object.entries(expect.error ?? {})) {
    if (error[field] !== wanted)
      out.push({
        kind: 'error other than expected',
        where: `body/error/${field}`,
        message: `expected ${JSON.stringify(wanted)}, got ${JSON.stringify(error[field])}`,
      });
  }
  if (
    expect.example !== undefined &&
    JSON.stringify(withoutIds(response.body)) !== JSON.stringify(withoutIds(expect.example))
  ) {
    out.push({
      kind: 'differs from the example',
      where: 'body',
      message: `differs from the named example: ${JSON.stringify(response.body).slice(0, 200)}`,
    });
  }
  return out;
}

export async function runScenario(
  validator: ContractValidator,
  baseUrl: string,
  scenario: Scenario,
  limits?: Partial<AnswerLimits>,
): Promise<CaseResult> {
  let response: RawResponse;
  try {
    response = await send(baseUrl, scenario.request, limits);
  } catch (error) {
    return {
      scenario,
      violations: [
        { kind: 'no answer', where: 'request', message: `no answer: ${(error as Error).message}` },
      ],
    };
  }
  const ref = scenario.operationId ?? { method: scenario.request.method, path: scenario.request.path };
  const violations = [...validator.checkResponse(ref, response), ...checkExpectation(scenario, response)];
  return { scenario, response, violations };
}

/** The scenarios a run of the suite sends, and those it leaves out (with why). */
export function suiteScenarios(
  contract: Contract,
  options: Pick<SuiteOptions, 'apiKey' | 'forced' | 'billable'>,
): { run: Scenario[]; skipped: SuiteReport['skipped'] } {
  const all = [
    ...(options.forced ? forcedScenarios(contract, options.apiKey) : []),
    ...behaviourScenarios(contract, options.apiKey),
  ];
  const run = all.filter(s => options.billable || !s.billable);
  const skipped = [
    ...(options.forced ? [] : [{ name: 'Prefer scenarios', reason: 'need a forced state (a mock)' }]),
    ...all
      .filter(s => !options.billable && s.billable)
      .map(s => ({ name: s.name, reason: 'starts a billable generation' })),
  ];
  return { run, skipped };
}

/** The kind of each of runContractSuite's options (src/kernel/options.ts). */
const SUITE_OPTION_TABLE: OptionTable = {
  ...{ baseUrl: 'string', apiKey: 'string', forced: 'boolean', billable: 'boolean', validator: 'object' },
  ...{ concurrency: 'count', timeoutMs: 'timer', maxAnswerBytes: 'count' },
};

/** Scenarios in flight at once when `concurrency` is not given. */
export const DEFAULT_CONCURRENCY = 8;

export async function runContractSuite(options: SuiteOptions): Promise<SuiteReport> {
  checkOptions('runContractSuite', options, SUITE_OPTION_TABLE);
  for (const name of ['baseUrl', 'apiKey'] as const)
    if (options[name] === undefined) throw new TypeError(`runContractSuite: ${name} is required`);
  const limits = answerLimits(options);
  const concurrency =
    options.concurrency === undefined
      ? DEFAULT_CONCURRENCY
      : positiveInteger('concurrency', options.concurrency);
  checkWorkflowOptions(options);
  const validator = options.validator ?? createContractValidator(loadContract());
  const { run, skipped } = suiteScenarios(validator.contract, options);
  const results: CaseResult[] = new Array(run.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < run.length; i = next++) {
      results[i] = await runScenario(validator, options.baseUrl, run[i]!, limits);
      options.onResult?.(results[i]!, ++done, run.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  // After the scenarios, not beside them: the workflows add up the balance their own calls moved.
  const workflows = await runWorkflowSuite({ ...options, validator, limits });
  return {
    baseUrl: options.baseUrl,
    results: [...results, ...workflows.results],
    skipped: [...skipped, ...workflows.skipped],
  };
}

export function formatReport(report: SuiteReport): string {
  const failed = report.results.filter(r => r.violations.length > 0);
  const lines = [
    `Contract suite against ${report.baseUrl}: ${report.results.length - failed.length}/${report.results.length} scenarios conform.`,
  ];
  for (const r of failed) {
    const id = r.response?.headers['x-request-id'];
    lines.push(
      `✗ ${r.scenario.name} (${r.scenario.request.method} ${r.scenario.request.path} → ${r.response?.status ?? 'no answer'}${id ? `, ${id}` : ''})`,
      formatViolations(r.violations),
    );
  }
  for (const s of report.skipped) lines.push(`- skipped ${s.name}: ${s.reason}`);
  return lines.join('\n');
}
