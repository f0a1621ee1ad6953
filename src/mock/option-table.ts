// The kind of each option of the mock's entry points (src/kernel/options.ts checks them): the core's,
// shared by createMock, createMockFetch and the MSW handlers, and the HTTP server's on top.
import { checkOptions, type OptionTable } from '../kernel/options.ts';

export const MOCK_OPTION_TABLE: OptionTable = {
  spec: 'object',
  webhookSecret: 'string',
  jobSteps: 'count',
  stepMs: 'ms',
  maxJobs: 'count',
  webhookRetryDelaysMs: ['array', { oneOf: ['contract'] }],
  webhookTimeScale: 'ms',
  stateFile: 'string',
  log: 'function',
  fixtures: 'object',
  balance: 'string',
  rateLimit: ['count', 'null'],
  maxConcurrent: ['count', 'null'],
  latency: ['string', 'object'],
  faults: ['string', 'object'],
  control: { oneOf: ['loopback', 'on', 'off'] },
  controlToken: 'string',
  webhookAllow: 'array',
  maxDeliveriesInFlight: 'count',
  maxDeliveriesQueued: 'count',
  maxAccounts: 'count',
  idempotencyRetentionMs: 'ms',
  maxIdempotencyRecords: 'count',
  publicUrl: 'string',
  random: 'function',
};

export const SERVER_OPTION_TABLE: OptionTable = {
  ...MOCK_OPTION_TABLE,
  port: 'port',
  host: 'string',
  serverLimits: 'object',
};

/** The options of a new core, checked under the name of the entry point given them. */
export const checkMockOptions = (where: string, options: unknown) =>
  checkOptions(where, options, MOCK_OPTION_TABLE);
