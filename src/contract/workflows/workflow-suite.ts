// The workflows in the contract suite: every workflow of the Arazzo file whose needs the run allows
// (`billable`, `mock`), run one after another (they read the balance of the one account), each with
// the suite's part that Arazzo cannot say; results in the form of the scenarios' results.
import { randomUUID } from 'node:crypto';
import type { AnswerLimits } from '../answer-limits.ts';
import type { RawResponse } from '../http.ts';
import type { Scenario } from '../scenarios.ts';
import type { ContractValidator, Violation } from '../validate.ts';
import { inputDefaults, loadWorkflows, type Arazzo, type Workflow } from './arazzo.ts';
import { runWorkflow, type WorkflowRun } from './run-workflow.ts';
import { extras, type ExtraSettings } from './workflow-extras.ts';
import { timerMs } from '../../kernel/timer.ts';

export interface WorkflowOptions {
  /** The server's webhook signing secret: without it the webhook workflow is skipped. */
  webhookSecret?: string;
  /** Replaces every `retryAfter` of the file, in ms (default: the file's, in seconds). */
  retryDelayMs?: number;
  /** The longest Retry-After waited out (default 60,000 ms). */
  maxRetryAfterMs?: number;
  /** How long to wait for a webhook once its video ended (default 30,000 ms). */
  webhookTimeoutMs?: number;
  /** The workflows to run (default: the contract's). */
  arazzo?: Arazzo;
}

export interface WorkflowSuiteSettings extends WorkflowOptions {
  validator: ContractValidator;
  baseUrl: string;
  apiKey: string;
  forced?: boolean;
  billable?: boolean;
  limits: AnswerLimits;
}

export interface WorkflowResult {
  scenario: Scenario;
  response?: RawResponse;
  violations: Violation[];
}

/** Why the run leaves the workflow out, or undefined when it runs it. */
function whySkipped(workflow: Workflow, settings: WorkflowSuiteSettings): string | undefined {
  const needs = workflow['x-mediagen-needs'] ?? [];
  if (needs.includes('billable') && !settings.billable) return 'starts a billable generation';
  if (needs.includes('mock') && !settings.forced) return "needs the mock's test values or Prefer (a mock)";
  if (workflow.workflowId === 'webhook-delivered' && settings.webhookSecret === undefined)
    return "needs the server's webhook secret to verify the signature";
  return undefined;
}

/** The workflow's run as a scenario's result: the last request sent, and the status its last step wanted. */
function resultOf(workflow: Workflow, run: WorkflowRun, violations: Violation[]): WorkflowResult {
  const needs = workflow['x-mediagen-needs'] ?? [];
  const step = workflow.steps.find(s => s.stepId === run.last?.stepId) ?? workflow.steps[0]!;
  const wanted = step.successCriteria
    ?.map(c => /^\$statusCode\s*==\s*(\d+)$/.exec(c.condition.trim())?.[1])
    .find(Boolean);
  const scenario: Scenario = {
    name: `workflow ${workflow.workflowId}`,
    operationId: step.operationId,
    request: run.last?.request ?? { method: 'GET', path: '/' },
    forced: needs.includes('mock'),
    billable: needs.includes('billable'),
    expect: { status: Number(wanted ?? run.last?.response?.status ?? 0) },
  };
  return { scenario, ...(run.last?.response ? { response: run.last.response } : {}), violations };
}

/** The workflow options with defaults filled in, each given one checked (an Error naming it). */
export function checkWorkflowOptions(options: WorkflowOptions) {
  if (options.retryDelayMs !== undefined) timerMs('retryDelayMs', options.retryDelayMs);
  if (options.webhookSecret !== undefined && !/^whsec_[A-Za-z0-9+/=]+$/.test(options.webhookSecret))
    throw new Error('webhookSecret must be a Standard Webhooks secret, whsec_ and base64');
  return {
    maxRetryAfterMs: timerMs('maxRetryAfterMs', options.maxRetryAfterMs ?? 60_000),
    webhookTimeoutMs: timerMs('webhookTimeoutMs', options.webhookTimeoutMs ?? 30_000),
  };
}

async function runOne(
  arazzo: Arazzo,
  workflow: Workflow,
  settings: WorkflowSuiteSettings,
  checked: ExtraSettings,
): Promise<WorkflowResult> {
  const extra = (await extras[workflow.workflowId]?.(checked)) ?? {};
  try {
    const inputs = {
      ...inputDefaults(arazzo),
      api_key: settings.apiKey,
      run_id: randomUUID(),
      ...extra.inputs,
    };
    const run = await runWorkflow(arazzo, workflow, inputs, settings, extra.beforeStep);
    const added = run.completed && extra.after ? await extra.after(run) : [];
    return resultOf(workflow, run, [...run.violations, ...added]);
  } finally {
    await extra.close?.();
  }
}

export async function runWorkflowSuite(
  settings: WorkflowSuiteSettings,
): Promise<{ results: WorkflowResult[]; skipped: { name: string; reason: string }[] }> {
  const arazzo = settings.arazzo ?? loadWorkflows();
  const { validator, webhookSecret } = settings;
  const checked: ExtraSettings = { validator, webhookSecret, ...checkWorkflowOptions(settings) };
  const results: WorkflowResult[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const workflow of arazzo.workflows) {
    const reason = whySkipped(workflow, settings);
    if (reason) skipped.push({ name: `workflow ${workflow.workflowId}`, reason });
    else results.push(await runOne(arazzo, workflow, settings, checked));
  }
  return { results, skipped };
}
