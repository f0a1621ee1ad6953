// The contract's workflows (openapi/workflows.arazzo.yaml) under the suite's own runner: they pass
// against the mock, and fail against a server that charges a replay again, one that never finishes a
// video, and a webhook signed with another secret. The same file under `redocly respect` is checked
// by `npm run workflows` in CI and test:packages.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractValidator, loadContract, loadWorkflows } from '../../src/contract/index.ts';
import { inputDefaults } from '../../src/contract/workflows/arazzo.ts';
import { runWorkflowSuite, type WorkflowSuiteSettings } from '../../src/contract/workflows/workflow-suite.ts';
import { answerLimits } from '../../src/contract/answer-limits.ts';
import { startBrokenApi } from '../../scripts/packages/broken-api.ts';
import { defaultFixtures } from '../../src/mock/fixtures/default.ts';
import { startTestMock, type TestMock } from '../mock/start.ts';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const validator = createContractValidator(loadContract());
const arazzo = loadWorkflows();

const settings = (baseUrl: string, more: Partial<WorkflowSuiteSettings> = {}): WorkflowSuiteSettings => ({
  validator,
  baseUrl,
  apiKey: `mg_test_workflows_${Math.random().toString(36).slice(2)}`,
  forced: true,
  billable: true,
  webhookSecret: SECRET,
  // Bounds for a busy machine: a run that conforms ends on each answer and delivery, not on these.
  limits: answerLimits({ timeoutMs: 15_000 }),
  retryDelayMs: 2,
  webhookTimeoutMs: 15_000,
  ...more,
});

const violationsOf = (results: Awaited<ReturnType<typeof runWorkflowSuite>>['results'], id: string) => {
  const found = results.find(r => r.scenario.name === `workflow ${id}`);
  if (!found) throw new Error(`workflow ${id} did not run`);
  return found.violations;
};

describe('the workflows against the mock', () => {
  let mock: TestMock;
  beforeAll(async () => {
    mock = await startTestMock({ webhookSecret: SECRET });
  });
  afterAll(() => mock.close());

  it('runs every workflow of the Arazzo file, and each conforms', async () => {
    const { results, skipped } = await runWorkflowSuite(settings(mock.url));
    expect(skipped).toEqual([]);
    expect(results.map(r => r.scenario.name)).toEqual(arazzo.workflows.map(w => `workflow ${w.workflowId}`));
    expect(results.filter(r => r.violations.length > 0)).toEqual([]);
    expect(
      results.find(r => r.scenario.name === 'workflow credits-spent-quota-exceeded')?.response?.status,
    ).toBe(402);
  });

  it('reports a webhook whose signature does not verify with the secret', async () => {
    const { results } = await runWorkflowSuite(
      settings(mock.url, {
        webhookSecret: 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        arazzo: { ...arazzo, workflows: arazzo.workflows.filter(w => w.workflowId === 'webhook-delivered') },
      }),
    );
    expect(violationsOf(results, 'webhook-delivered')).toEqual([
      {
        kind: 'bad header webhook-signature',
        where: 'webhook header webhook-signature',
        message: expect.stringMatching(/^does not verify: /),
      },
    ]);
  });

  it('leaves out what the run does not allow, saying why', async () => {
    const { results, skipped } = await runWorkflowSuite(
      settings(mock.url, { forced: false, billable: false, webhookSecret: undefined }),
    );
    expect(results).toEqual([]);
    expect(skipped).toContainEqual({
      name: 'workflow video-completes',
      reason: 'starts a billable generation',
    });
    expect(skipped).toContainEqual({
      name: 'workflow rate-limit-waited-out',
      reason: "needs the mock's test values or Prefer (a mock)",
    });
  });

  it("takes the key without credits from the mock's test values", () => {
    const noCredits = defaultFixtures.test_values.find(
      v => v.kind === 'api_key' && v.error === 'quota_exceeded',
    );
    expect(inputDefaults(arazzo).no_credits_key).toBe(noCredits?.value);
  });
});

describe('the workflows against a server that overcharges, charges a replay again and never finishes a video', () => {
  let server: Awaited<ReturnType<typeof startBrokenApi>>;
  let results: Awaited<ReturnType<typeof runWorkflowSuite>>['results'];
  // retryDelayMs replaces the file's 1 s between polls: were it ignored, the hook would time out.
  beforeAll(async () => {
    server = await startBrokenApi(validator.contract);
    // It never finishes a video, so it never sends the webhook either: that wait runs out in full.
    const webhookTimeoutMs = 2000;
    ({ results } = await runWorkflowSuite(settings(server.url, { forced: false, webhookTimeoutMs })));
  });
  afterAll(() => server.close());

  it('reports a charge other than usage.total_cost, by the balance arithmetic Arazzo cannot do', () => {
    expect(violationsOf(results, 'image-charges-balance')).toEqual([
      {
        kind: 'balance differs from the answers',
        where: 'balance',
        message: 'fell by 0.05, not by the 0.04 that usage.total_cost of the image says',
      },
    ]);
  });

  it('reports a replay charged again: the balance moved after the replay', () => {
    expect(violationsOf(results, 'idempotent-replay-charged-once')).toEqual([
      {
        kind: 'criterion not met',
        where: 'step balance-after: successCriteria',
        message:
          '$response.body#/balance == $steps.balance-charged.outputs.balance does not hold ($response.body#/balance is 99.85)',
      },
    ]);
  });

  it('gives up polling a video that never finishes, after the bounded retries', () => {
    const limit = arazzo.workflows.find(w => w.workflowId === 'video-completes')!.steps[1]!.onFailure![0]!
      .retryLimit;
    expect(violationsOf(results, 'video-completes')).toEqual([
      {
        kind: 'criterion not met',
        where: 'step poll: successCriteria',
        message: `$response.body#/status == 'completed' does not hold ($response.body#/status is "processing") after ${limit} retries`,
      },
    ]);
  });
});

describe('a poll retried against an answer that breaks the contract', () => {
  it('reports the break once, not once per poll', async () => {
    const server = createServer((req, res) => {
      req.resume();
      const created = req.method === 'POST';
      res.writeHead(created ? 202 : 200, { 'content-type': 'application/json' }); // no X-Request-Id
      res.end(
        JSON.stringify(
          created
            ? { id: 'vid_01M8RQFHMZBSH6G2B6ESZXD3MM', status: 'pending' }
            : { id: 'vid_01M8RQFHMZBSH6G2B6ESZXD3MM', status: 'processing', model: 'seedance-v1-pro' },
        ),
      );
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    try {
      const only = { ...arazzo, workflows: arazzo.workflows.filter(w => w.workflowId === 'video-completes') };
      const { results } = await runWorkflowSuite(
        settings(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { arazzo: only }),
      );
      expect(violationsOf(results, 'video-completes').map(v => [v.kind, v.where])).toEqual([
        ['missing header X-Request-Id', 'step create: header X-Request-Id'],
        ['missing header X-Request-Id', 'step poll: header X-Request-Id'],
        ['criterion not met', 'step poll: successCriteria'],
      ]);
    } finally {
      server.close();
    }
  });
});
