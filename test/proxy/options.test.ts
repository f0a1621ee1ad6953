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

it('startProxy refuses an upstream timeout longer than a timer holds (it would fire at once)', async () => {
  await expect(startProxy({ upstream: 'http://upstream.test', upstreamTimeoutMs: 2 ** 31 })).rejects.toThrow(
    'startProxy: upstreamTimeoutMs must be a positive integer of ms up to 2147483647, got 2147483648',
  );
});

it('startProxy without an upstream says it is required', async () => {
  await expect(startProxy({} as never)).rejects.toThrow('startProxy: upstream is required');
});
