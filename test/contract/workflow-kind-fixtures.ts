// The workflow runner's findings, each made by its real check: a step run against a small server on
// 127.0.0.1 (or a closed port), the balance arithmetic and the suite's extras on a run made without one.
import { answerLimits } from '../../src/contract/answer-limits.ts';
import type { ContractValidator, Violation } from '../../src/contract/validate.ts';
import type { ViolationKind } from '../../src/contract/violation-kind.ts';
import type { Arazzo, Step } from '../../src/contract/workflows/arazzo.ts';
import { fellBy, usageAddsUp } from '../../src/contract/workflows/balance-checks.ts';
import { runWorkflow } from '../../src/contract/workflows/run-workflow.ts';
import { extras, type ExtraSettings } from '../../src/contract/workflows/workflow-extras.ts';
import { startUpstream } from '../proxy/start.ts';
import { runOf } from './workflow-run.ts';

const arazzo: Arazzo = { arazzo: '1.0.1', workflows: [] };

/** One getBalance step, answered 200, with what the fixture changes. */
const balanceStep = (more: Partial<Step>): Step => ({
  stepId: 'balance',
  operationId: 'getBalance',
  successCriteria: [{ condition: '$statusCode == 200' }],
  ...more,
});

/** A server that answers every request with a balance. */
const balanceServer = () =>
  startUpstream((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_workflow' });
    res.end(JSON.stringify({ balance: 100, currency: 'USD' }));
  });

/** One step per kind, each a workflow of its own (a failed step ends its workflow). */
async function stepFixtures(
  validator: ContractValidator,
  unreachable: string,
): Promise<[ViolationKind, Violation[]][]> {
  const server = await balanceServer();
  try {
    const run = async (step: Step, baseUrl = server.url) => {
      const limits = answerLimits({ timeoutMs: 5000 });
      const workflow = { workflowId: 'kinds', steps: [step] };
      return (await runWorkflow(arazzo, workflow, {}, { validator, baseUrl, limits })).violations;
    };
    const auth = { name: 'Authorization', in: 'header' as const, value: '$inputs.api_key' };
    return [
      ['request not built', await run(balanceStep({ parameters: [auth] }))],
      [
        'criterion not met',
        await run(balanceStep({ successCriteria: [{ condition: '$statusCode == 201' }] })),
      ],
      ['output not read', await run(balanceStep({ outputs: { id: '$response.body#/id' } }))],
      ['no answer', await run(balanceStep({}), unreachable)],
    ];
  } finally {
    await server.close();
  }
}

/** The webhook extra's findings: no delivery in time, and one of another video (unsigned, too). */
async function webhookFixtures(settings: ExtraSettings): Promise<[ViolationKind, Violation[]][]> {
  const run = runOf({ create: { id: 'vid_created_by_the_workflow' } });
  const silent = await extras['webhook-delivered']!(settings);
  const late = await silent.after!(run).finally(silent.close);
  const other = await extras['webhook-delivered']!(settings);
  const example = settings.validator.contract.webhooks[0]!.examples;
  const body = JSON.stringify(Object.values(example)[0]);
  // Delivered before the check waits: the receiver keeps it as its first.
  await fetch(other.inputs!.callback_url!, { method: 'POST', body });
  const unsigned = await other.after!(run).finally(other.close);
  return [
    ['no webhook delivery', late],
    ['webhook for another generation', unsigned],
    ['missing header webhook-id', unsigned],
  ];
}

/** The Retry-After of the limited step as the wait before the next one reads it. */
async function retryAfterFixture(settings: ExtraSettings, header: string): Promise<Violation[]> {
  const limited = { status: 429, headers: { 'retry-after': header }, text: '', body: {} };
  const { beforeStep } = await extras['rate-limit-waited-out']!(settings);
  return beforeStep!('again', runOf({}, { limited }));
}

/** Each kind of the workflow runner, with the findings of the check that must give it. */
export async function workflowFixtures(
  validator: ContractValidator,
  unreachable: string,
): Promise<[ViolationKind, Violation[]][]> {
  const settings: ExtraSettings = { validator, maxRetryAfterMs: 1000, webhookTimeoutMs: 50 };
  const balances = (before: unknown, after: unknown, cost: unknown) =>
    runOf({ 'balance-before': { balance: before }, 'balance-after': { balance: after }, x: { cost } });
  const usage = { usage: { total_cost: 0.6, unit_price: 0.1, quantity: 5 } };
  const poll = { status: 200, headers: {}, text: '', body: usage };
  return [
    ...(await stepFixtures(validator, unreachable)),
    ['balance differs from the answers', fellBy(balances(100, 99, 0.5), 'x', 'it cost')],
    ['output not an amount', fellBy(balances('100', 99, 1), 'x', 'it cost')],
    ['total_cost not unit_price × quantity', usageAddsUp(runOf({}, { poll }), 'poll')],
    ['bad header Retry-After', await retryAfterFixture(settings, 'soon')],
    ['Retry-After longer than the suite waits', await retryAfterFixture(settings, '3600')],
    ...(await webhookFixtures(settings)),
  ];
}
