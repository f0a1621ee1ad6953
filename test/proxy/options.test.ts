// Every option of startProxy is checked when given: a value of the wrong kind is a
// TypeError naming the option, before anything is opened.
import { expect, it } from 'vitest';
import { startProxy } from '../../src/proxy/index.ts';

const WRONG: Record<string, unknown> = {
  upstream: 4010,
  port: -1,
  host: ['127.0.0.1'],
  strict: 'yes',
  upstreamTimeoutMs: 0,
  reportFile: 1,
  maxSarifResults: 0,
  maxBodyBytes: '1MiB',
  maxDecodedBytes: 2.5,
  serverLimits: 10,
  log: false,
  validator: 'strict',
};

it.each(Object.entries(WRONG))('startProxy refuses %s of a wrong kind, naming it', async (name, value) => {
  const options = { upstream: 'http://upstream.test', [name]: value };
  await expect(startProxy(options as never)).rejects.toThrow(
    new RegExp(`^startProxy: ${name} must be .+, got `),
  );
});

it('startProxy without an upstream says it is required', async () => {
  await expect(startProxy({} as never)).rejects.toThrow('startProxy: upstream is required');
});
