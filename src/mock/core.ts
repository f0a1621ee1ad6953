// The mock: one state model (state/model.ts) and one request path (pipeline/respond.ts), made from
// the contract, the fixtures and the options. The HTTP server, createMockFetch and the MSW handlers
// (adapters/) are thin adapters over its `respond`. With `stateFile`, the state is restored from it at
// start and written to it after every answer and webhook attempt (debounced), and on close.
import { loadContract, requireOperation } from '../kernel/index.ts';
import { handleRequest } from './adapters/request.ts';
import { createCannedAnswers } from './canned.ts';
import { loadDefaultFixtures, readFixtures, type Fixtures } from './fixtures.ts';
import { parseMoney } from './money.ts';
import { payloadLimits } from './payload-limits.ts';
import { declaredParameterNames } from './pipeline/classify.ts';
import { parametersRefusingEmpty } from './pipeline/empty-parameters.ts';
import type { Core } from './pipeline/core.ts';
import { respond } from './pipeline/respond.ts';
import { retryAfterCodes } from './retry-after-codes.ts';
import { createPrism } from './prism.ts';
import {
  DEFAULT_MAX_ACCOUNTS,
  DEFAULT_MAX_IDEMPOTENCY_RECORDS,
  DEFAULT_MAX_JOBS,
  readSettings,
} from './settings.ts';
import { jobTemplates } from './state/job-bodies.ts';
import { MockState } from './state/model.ts';
import { readStateFile, StateFileWriter } from './state/state-file.ts';
import { indexTestValues } from './test-values.ts';
import type { Mock, MockInput, MockOptions } from './types.ts';
import { newWebhookSecret, WebhookSender } from './webhooks.ts';
import { noOwnAddresses, type OwnAddresses } from './webhooks/own-addresses.ts';
import { checkMockOptions } from './option-table.ts';

function fixturesOf(options: MockOptions): Fixtures {
  if (!options.fixtures) return loadDefaultFixtures();
  return 'balanceMicro' in options.fixtures ? options.fixtures : readFixtures(options.fixtures);
}

/** The one state model, with the options' caps and the fixtures' starting balance. */
function stateOf(
  options: MockOptions,
  core: Pick<Core, 'contract' | 'settings' | 'fixtures' | 'index' | 'log'>,
  secret: string,
  changed: () => void,
  own: OwnAddresses,
) {
  const { fixtures, index, settings } = core;
  const start = options.balance !== undefined ? parseMoney(options.balance) : fixtures.balanceMicro;
  return new MockState({
    templates: jobTemplates(requireOperation(core.contract, 'getVideoGeneration')),
    currency: fixtures.currency,
    startFor: key => (index.exact('api_key', key)?.error === 'quota_exceeded' ? 0 : start),
    maxAccounts: options.maxAccounts ?? DEFAULT_MAX_ACCOUNTS,
    maxJobs: options.maxJobs ?? DEFAULT_MAX_JOBS,
    stepMs: settings.stepMs,
    defaultSteps: options.jobSteps ?? 4,
    advanceOnPoll: settings.advanceOnPoll,
    retentionMs: settings.idempotencyRetentionMs,
    maxIdempotencyRecords: options.maxIdempotencyRecords ?? DEFAULT_MAX_IDEMPOTENCY_RECORDS,
    sender: new WebhookSender({
      secret,
      retryDelaysMs: settings.webhookRetryDelaysMs,
      log: core.log,
      onChange: changed,
      own,
      ...(settings.webhookAllow ? { allow: settings.webhookAllow } : {}),
      maxDeliveriesInFlight: options.maxDeliveriesInFlight,
      maxDeliveriesQueued: options.maxDeliveriesQueued,
    }),
  });
}

/** `own`: where the HTTP server in front of it listens (deliveries never go there). */
export async function createMock(
  options: MockOptions = {},
  own: OwnAddresses = noOwnAddresses(),
): Promise<Mock> {
  checkMockOptions('createMock', options);
  const contract = loadContract(options.spec);
  const settings = readSettings(options, contract.spec);
  // Read first: a state file that cannot be used stops the start before anything else is made.
  const saved = options.stateFile !== undefined ? readStateFile(options.stateFile) : undefined;
  const fixtures = fixturesOf(options);
  const index = indexTestValues(fixtures.testValues);
  const log = options.log ?? ((line: string) => void process.stdout.write(line + '\n'));
  const webhookSecret = options.webhookSecret ?? newWebhookSecret();
  const closing = new AbortController();
  let writer: StateFileWriter | undefined;
  const changed = () => writer?.changed();
  const state = stateOf(options, { contract, settings, fixtures, index, log }, webhookSecret, changed, own);
  if (saved) state.restore(saved);
  if (options.stateFile !== undefined)
    writer = new StateFileWriter(options.stateFile, () => state.snapshot(), log);
  const core: Core = {
    contract,
    settings,
    state,
    fixtures,
    index,
    limits: payloadLimits(contract),
    canned: createCannedAnswers(index, settings.shownRateLimit, retryAfterCodes(contract)),
    prism: await createPrism(contract.spec),
    parameterNames: new Map(
      contract.operations.map(op => [op.operationId, declaredParameterNames(contract, op)]),
    ),
    refusingEmpty: new Map(
      contract.operations.map(op => [op.operationId, parametersRefusingEmpty(contract, op)]),
    ),
    log,
    closing: closing.signal,
  };
  // Any answer may have changed the state (an account made, a window counted, a charge); without a
  // state file there is nothing to write, and no promise is added to every request.
  const answer = writer
    ? (input: MockInput) => respond(core, input).finally(changed)
    : (input: MockInput) => respond(core, input);
  return {
    respond: answer,
    handle: (request, context = {}) => handleRequest(answer, core.limits.request, request, context),
    webhookSecret,
    limits: core.limits,
    state: state.view,
    async close() {
      closing.abort();
      await state.close();
      await writer?.flush();
    },
  };
}
