// Runs one workflow of the Arazzo file against a server, as `redocly respect` would: each step's
// request, the contract's own checks of every answer, the step's success criteria, its outputs, and
// its retries (bounded by `retryLimit`). What Arazzo cannot say comes in through `beforeStep`.
import { setTimeout as sleep } from 'node:timers/promises';
import type { AnswerLimits } from '../answer-limits.ts';
import { send, type RawRequest, type RawResponse } from '../http.ts';
import type { ContractValidator, Violation } from '../validate.ts';
import type { ViolationKind } from '../violation-kind.ts';
import type { Arazzo, FailureAction, Step, Workflow } from './arazzo.ts';
import { ExpressionError, evaluate, holds, type ExpressionContext } from './expressions.ts';
import { stepRequest } from './step-request.ts';

export interface RunSettings {
  validator: ContractValidator;
  baseUrl: string;
  limits: AnswerLimits;
  /** Replaces every `retryAfter` of the file (ms): small in tests, where the mock moves a job per poll. */
  retryDelayMs?: number;
}

export interface WorkflowRun {
  ctx: ExpressionContext;
  /** Each step's last answer, by stepId. */
  responses: Record<string, RawResponse>;
  last?: { stepId: string; request: RawRequest; response?: RawResponse };
  violations: Violation[];
  /** Every step ran and met its criteria. */
  completed: boolean;
}

/** Something the suite adds before a step (a wait it must honour): violations, or [] to go on. */
export type BeforeStep = (stepId: string, run: WorkflowRun) => Promise<Violation[]>;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The criteria that do not hold, as messages (a criterion that cannot be read does not hold). */
function unmet(criteria: { condition: string }[] | undefined, ctx: ExpressionContext): string[] {
  return (criteria ?? []).flatMap(({ condition }) => {
    try {
      if (holds(condition, ctx)) return [];
      const left = condition.trim().split(/\s/)[0]!;
      return [`${condition} does not hold (${left} is ${JSON.stringify(evaluate(left, ctx))})`];
    } catch (error) {
      return [`${condition} does not hold: ${messageOf(error)}`];
    }
  });
}

/** Files a step's finding under its kind, at `step <stepId>: <where>`. */
type At = (kind: ViolationKind, where: string, message: string) => void;

const retryOf = (step: Step, ctx: ExpressionContext): FailureAction | undefined =>
  step.onFailure?.find(a => unmet(a.criteria, ctx).length === 0);

/** Sends the step (again while a retry action applies); false when the workflow must stop. */
async function runStep(
  arazzo: Arazzo,
  step: Step,
  run: WorkflowRun,
  settings: RunSettings,
): Promise<boolean> {
  // Once each: a poll retried many times against a broken answer reports it once, not per poll.
  const at: At = (kind, where, message) => {
    const violation = { kind, where: `step ${step.stepId}: ${where}`, message };
    if (!run.violations.some(v => v.where === violation.where && v.message === message))
      run.violations.push(violation);
  };
  for (let retries = 0; ; retries++) {
    let request: RawRequest;
    try {
      request = stepRequest(settings.validator.contract, arazzo, step, run.ctx);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      at('request not built', 'request', error.message);
      return false;
    }
    run.last = { stepId: step.stepId, request };
    const response = await send(settings.baseUrl, request, settings.limits).catch((error: unknown) => {
      at('no answer', 'request', `no answer: ${messageOf(error)}`);
    });
    if (!response) return false;
    run.last.response = run.responses[step.stepId] = run.ctx.response = response;
    for (const v of settings.validator.checkResponse(step.operationId, response))
      at(v.kind, v.where, v.message);
    const failed = unmet(step.successCriteria, run.ctx);
    if (failed.length === 0) return outputs(step, run, at);
    const action = retryOf(step, run.ctx);
    if (action?.type === 'retry' && retries < (action.retryLimit ?? 1)) {
      await sleep(settings.retryDelayMs ?? (action.retryAfter ?? 0) * 1000);
      continue;
    }
    const tries = retries > 0 ? ` after ${retries} retries` : '';
    for (const message of failed) at('criterion not met', 'successCriteria', `${message}${tries}`);
    return false;
  }
}

function outputs(step: Step, run: WorkflowRun, at: At): boolean {
  const values: Record<string, unknown> = {};
  for (const [name, expression] of Object.entries(step.outputs ?? {})) {
    try {
      values[name] = evaluate(expression, run.ctx);
    } catch (error) {
      at('output not read', `outputs/${name}`, messageOf(error));
      return false;
    }
  }
  run.ctx.steps[step.stepId] = { outputs: values };
  return true;
}

export async function runWorkflow(
  arazzo: Arazzo,
  workflow: Workflow,
  inputs: Record<string, unknown>,
  settings: RunSettings,
  beforeStep?: BeforeStep,
): Promise<WorkflowRun> {
  const run: WorkflowRun = { ctx: { inputs, steps: {} }, responses: {}, violations: [], completed: false };
  for (const step of workflow.steps) {
    const waited = (await beforeStep?.(step.stepId, run)) ?? [];
    run.violations.push(...waited);
    if (waited.length > 0 || !(await runStep(arazzo, step, run, settings))) return run;
  }
  run.completed = true;
  return run;
}
