// Every option of runContractSuite is checked when given: a value of the wrong kind is a
// TypeError naming the option, before any request is sent.
import { expect, it } from 'vitest';
import { runContractSuite } from '../../src/contract/index.ts';

const WRONG: Record<string, unknown> = {
  baseUrl: 4010,
  apiKey: null,
  forced: 'yes',
  billable: 1,
  validator: 'strict',
  concurrency: 0,
  timeoutMs: '10s',
  maxAnswerBytes: -1,
};

it.each(Object.entries(WRONG))(
  'runContractSuite refuses %s of a wrong kind, naming it',
  async (name, value) => {
    const options = { baseUrl: 'http://mock.test', apiKey: 'sk_test_options', [name]: value };
    await expect(runContractSuite(options as never)).rejects.toThrow(
      new RegExp(`^runContractSuite: ${name} must be .+, got `),
    );
  },
);

it.each(['baseUrl', 'apiKey'])('runContractSuite without %s says it is required', async name => {
  const options: Record<string, unknown> = { baseUrl: 'http://mock.test', apiKey: 'sk_test_options' };
  delete options[name];
  await expect(runContractSuite(options as never)).rejects.toThrow(`runContractSuite: ${name} is required`);
});
