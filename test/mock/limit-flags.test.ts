// The limits get flags on both CLIs, read from the one limits module: each flag sets its
// limit, a bad value names the flag, and --help lists every flag (the proxy's idle timeout as the
// proxy sets it; test/docs/limits.test.ts holds docs/limits.md to them).
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { DELIVERY_LIMIT_FLAGS, SERVER_LIMIT_FLAGS } from '../../src/kernel/limit-flags.ts';
import { DEFAULT_MAX_DECODED_BYTES } from '../../src/kernel/server-limits.ts';
import { parseMockArgs, usage } from '../../src/mock/cli-options.ts';
import { parseProxyArgs, proxyUsage } from '../../src/proxy/cli.ts';
import { contextOf, IDLE_PAST_UPSTREAM_MS } from '../../src/proxy/context.ts';
import type { Delivery } from '../../src/mock/index.ts';
import { waitFor } from '../proxy/start.ts';
import { startTestMock } from './start.ts';
import { control } from './stateful-helpers.ts';

const proxyFlags = SERVER_LIMIT_FLAGS.filter(f => f.key !== 'maxBodyBytesInFlight');
const serve = (args: string[]) => {
  const command = parseMockArgs(args, {});
  if (command.kind !== 'serve') throw new Error(command.kind);
  return command.options;
};

/** What a flag's value must be: a timeout's is also at most what a Node timer holds. */
const kind = (flag: string) =>
  flag.endsWith('-ms') ? 'a positive integer of ms up to 2147483647' : 'a positive integer';

it.each(SERVER_LIMIT_FLAGS.map(f => [f.flag, f] as const))('mediagen-mock --%s sets it', (_name, f) => {
  // 90000: over the default headers timeout, so that the request timeout may be it.
  expect(serve([`--${f.flag}`, '90000']).serverLimits).toEqual({ [f.key]: 90000 });
  expect(() => serve([`--${f.flag}`, '0'])).toThrow(`--${f.flag} must be ${kind(f.flag)}, got '0'`);
  expect(usage).toContain(`--${f.flag} N`);
});

it.each(DELIVERY_LIMIT_FLAGS.map(f => [f.flag, f] as const))('mediagen-mock --%s sets it', (_name, f) => {
  expect(serve([`--${f.flag}`, '3'])).toMatchObject({ [f.key]: 3 });
  expect(() => serve([`--${f.flag}`, '1.5'])).toThrow(`--${f.flag} must be a positive integer, got '1.5'`);
  expect(usage).toContain(`(default ${f.fallback})`);
});

it.each(proxyFlags.map(f => [f.flag, f] as const))('mediagen-contract proxy --%s sets it', (_name, f) => {
  const options = parseProxyArgs(['http://upstream.test', `--${f.flag}`, '90000'], {});
  expect(options !== 'help' && options.serverLimits).toEqual({ [f.key]: 90000 });
  expect(() => parseProxyArgs(['http://upstream.test', `--${f.flag}`, 'x'], {})).toThrow(
    `--${f.flag} must be ${kind(f.flag)}, got 'x'`,
  );
  expect(proxyUsage).toContain(`--${f.flag} N`);
});

it('mediagen-contract proxy --max-decoded-bytes sets the decoded cap, a positive integer', () => {
  const options = parseProxyArgs(['http://upstream.test', '--max-decoded-bytes', '65536'], {});
  expect(options !== 'help' && options.maxDecodedBytes).toBe(65536);
  for (const bad of ['0', '-1', '1e6', ''])
    expect(() => parseProxyArgs(['http://upstream.test', `--max-decoded-bytes=${bad}`], {})).toThrow(
      `--max-decoded-bytes must be a positive integer, got '${bad}'`,
    );
  expect(proxyUsage).toContain(`(default ${DEFAULT_MAX_DECODED_BYTES})`);
});

it('mediagen-contract proxy --help gives the idle timeout the proxy sets: past --upstream-timeout', () => {
  const entry = proxyUsage.slice(
    proxyUsage.indexOf('  --idle-timeout-ms'),
    proxyUsage.indexOf('  --max-connections'),
  );
  const shipped = contextOf({ upstream: 'http://upstream.test' }).serverLimits.idleTimeoutMs;
  expect(entry.replace(/\s+/g, ' ')).toContain(
    `raised to ${IDLE_PAST_UPSTREAM_MS} ms past --upstream-timeout: ${shipped} with its default`,
  );
  const slow = contextOf({ upstream: 'http://upstream.test', upstreamTimeoutMs: 100_000 });
  expect(slow.serverLimits.idleTimeoutMs).toBe(100_000 + IDLE_PAST_UPSTREAM_MS);
});

it('mediagen-mock --max-deliveries-in-flight and --max-deliveries-queued reach the webhook sender', async () => {
  // A receiver that holds every request: deliveries stay on the wire until released.
  const held: ServerResponse[] = [];
  const receiver = createServer((req, res) => (req.resume(), held.push(res)));
  await new Promise<void>(resolve => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  const options = serve(['--max-deliveries-in-flight', '1', '--max-deliveries-queued', '1']);
  const mock = await startTestMock({ ...options, webhookRetryDelaysMs: [] });
  try {
    const sends = [1, 2, 3].map(() => control(mock.url, 'POST', 'deliveries', { url }));
    // One on the wire, one waiting: whichever arrives third is refused at once, naming both caps (the
    // three requests race, so it need not be the last sent); the held two answer only when released.
    const third = (await Promise.race(sends)).body as Delivery;
    expect([third.state, third.outcome]).toEqual([
      'failed',
      'not sent: 1 deliveries in flight and 1 waiting',
    ]);
    await waitFor(() => held.length === 1, 'the first delivery held');
    held.shift()!.writeHead(204).end();
    await waitFor(() => held.length === 1, 'the queued delivery sent');
    held.shift()!.writeHead(204).end();
    const states = await Promise.all(sends.map(async s => ((await s).body as Delivery).state));
    expect(states.sort()).toEqual(['delivered', 'delivered', 'failed']);
  } finally {
    await mock.close();
    receiver.closeAllConnections();
    await new Promise<void>(resolve => receiver.close(() => resolve()));
  }
});
