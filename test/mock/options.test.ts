// Every option of the mock's entry points is checked when given: a value of
// the wrong kind is a TypeError naming the entry point and the option, at once, not a crash at the
// first request (`createMockFetch({ log: false })` once failed with "log is not a function").
import { describe, expect, it } from 'vitest';
import { createMock, createMockFetch, startMockServer } from '../../src/mock/index.ts';
import { createMockHandlers } from '../../src/mock/adapters/msw.ts';
import { MOCK_OPTION_TABLE, SERVER_OPTION_TABLE } from '../../src/mock/option-table.ts';

/** A wrong value for each option of the core. */
const WRONG: Record<string, unknown> = {
  spec: 'openapi.yaml',
  webhookSecret: 42,
  jobSteps: 0,
  stepMs: -1,
  maxJobs: 1.5,
  webhookRetryDelaysMs: 'never',
  webhookTimeScale: '2',
  stateFile: true,
  log: false,
  fixtures: [],
  balance: 10,
  rateLimit: '100/min',
  maxConcurrent: -5,
  latency: 250,
  faults: 0.1,
  control: 'sometimes',
  controlToken: 7,
  webhookAllow: 'hooks.test',
  maxDeliveriesInFlight: 0,
  maxDeliveriesQueued: '10',
  maxAccounts: 0,
  idempotencyRetentionMs: '1h',
  maxIdempotencyRecords: null,
  publicUrl: {},
  random: 0.5,
};
const WRONG_SERVER: Record<string, unknown> = { ...WRONG, port: 70000, host: 4010, serverLimits: 'small' };

it('the table of wrong values covers every option', () => {
  expect(Object.keys(WRONG).sort()).toEqual(Object.keys(MOCK_OPTION_TABLE).sort());
  expect(Object.keys(WRONG_SERVER).sort()).toEqual(Object.keys(SERVER_OPTION_TABLE).sort());
});

const named = (where: string, name: string) => new RegExp(`^${where}: ${name} must be .+, got `);

describe.each(Object.entries(WRONG))('%s given a wrong kind', (name, value) => {
  it('createMockFetch throws at once, naming it', () => {
    expect(() => createMockFetch({ [name]: value })).toThrow(TypeError);
    expect(() => createMockFetch({ [name]: value })).toThrow(named('createMockFetch', name));
  });
  it('createMockHandlers throws at once, naming it', () => {
    expect(() => createMockHandlers({ [name]: value })).toThrow(named('createMockHandlers', name));
  });
  it('createMock rejects, naming it', async () => {
    await expect(createMock({ [name]: value })).rejects.toThrow(named('createMock', name));
  });
});

it.each(Object.entries(WRONG_SERVER))('startMockServer refuses %s of a wrong kind', async (name, value) => {
  await expect(startMockServer({ [name]: value })).rejects.toThrow(named('startMockServer', name));
});

it('the message never shows a string given (it may be a key)', () => {
  expect(() => createMockFetch({ log: 'sk_live_secret' as never })).toThrow(
    'createMockFetch: log must be a function, got a string',
  );
});

it('options that are not an object, and the MSW base URL, are refused by name', () => {
  expect(() => createMockFetch('fast' as never)).toThrow('createMockFetch: the options must be an object');
  expect(() => createMockHandlers({}, 42 as never)).toThrow('createMockHandlers: baseUrl must be a string');
});
