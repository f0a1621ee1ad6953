// Every numeric flag of every command line, given a bad value, is refused when the arguments are read,
// with one line naming the FLAG (not the option of the entry point it feeds), so that the CLI exits 2
// with the usage (as docs/mock.md shows); the table of flags is held to each --help, so a new numeric
// flag needs its row here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTestArgs, testUsage } from '../../src/contract/test-cli.ts';
import { checkUsage, parseCheckArgs } from '../../src/proxy/har-check-cli.ts';
import { parseMockArgs, usage as mockUsage, UsageError } from '../../src/mock/cli-options.ts';
import { parseProxyArgs, proxyUsage } from '../../src/proxy/cli.ts';
import { runCli } from './run-cli.ts';

// Started at once, so that their start-up overlaps the in-process cases.
const spawned = {
  mock: runCli('src/mock/cli.ts', ['--max-jobs', '0'], { PORT: '' }),
  proxy: runCli('src/contract/cli.ts', ['proxy', 'http://upstream.test', '--idle-timeout-ms', '1000']),
};

type Cli = 'mock' | 'proxy' | 'test' | 'check';

const CLIS: Record<Cli, { usage: string; parse: (args: string[], env?: NodeJS.ProcessEnv) => unknown }> = {
  mock: { usage: mockUsage, parse: (args, env = {}) => parseMockArgs(args, env) },
  proxy: {
    usage: proxyUsage,
    parse: (args, env = {}) => parseProxyArgs(['http://upstream.test', ...args], env),
  },
  test: {
    usage: testUsage,
    parse: (args, env = {}) => parseTestArgs(['test', 'http://server.test', '--key', 'k', ...args], env),
  },
  check: { usage: checkUsage, parse: args => parseCheckArgs(['recorded.har', ...args]) },
};

const POSITIVE = { what: 'a positive integer', bad: ['0', '-1', 'x', '1.5', '1e3', ''] };
const PORT = { what: 'a port from 0 to 65535', bad: ['-1', 'x', '1.5', '65536'] };
// A time a timer keeps: past 2^31-1 ms a Node timer fires at once, so it would time out everything.
const MS = { what: 'a positive integer of ms up to 2147483647', bad: [...POSITIVE.bad, '2147483648'] };
const NON_NEGATIVE_MS = {
  what: 'a non-negative integer of ms up to 2147483647',
  bad: ['-1', 'x', '1.5', '2147483648'],
};
/** A flag whose error is its own sentence: each bad value, and how the message goes on after the flag. */
const own = (bad: string[], after: RegExp) => ({ bad, after });

type Row = { what: string; bad: string[] } | { bad: string[]; after: RegExp };
const SERVER_LIMITS = [
  'headers-timeout-ms',
  'request-timeout-ms',
  'keep-alive-timeout-ms',
  'idle-timeout-ms',
];
const limits = (names: string[]) =>
  Object.fromEntries(names.map(name => [name, name.endsWith('-ms') ? MS : POSITIVE]));

const FLAGS: Record<Cli, Record<string, Row>> = {
  mock: {
    port: PORT,
    balance: own(['x', '-1', '1.2345678'], /^: '.*' is not an amount/),
    'rate-limit': own(['0', '-1', 'x', '1.5'], / must be a positive integer \(optionally \/min\) or off/),
    'max-concurrent': own(['0', '-1', 'x', '1.5'], / must be a positive integer or off/),
    'job-steps': POSITIVE,
    'job-step-ms': NON_NEGATIVE_MS,
    'max-jobs': POSITIVE,
    'max-accounts': POSITIVE,
    'webhook-time-scale': own(['0', '-1', 'x'], / must be a positive number/),
    ...limits([...SERVER_LIMITS, 'max-connections', 'max-body-bytes-in-flight']),
    ...limits(['max-deliveries-in-flight', 'max-deliveries-queued']),
  },
  proxy: {
    port: PORT,
    'upstream-timeout': MS,
    'max-decoded-bytes': POSITIVE,
    ...limits([...SERVER_LIMITS, 'max-connections']),
  },
  test: { concurrency: POSITIVE, timeout: MS, 'max-answer-bytes': POSITIVE },
  check: {},
};

/** The flags a --help gives a number to: N, MS, N/min, X (a factor) or AMOUNT. */
const numericFlags = (usage: string) =>
  [...usage.matchAll(/^ {2}--([a-z-]+) (?:N|MS|N\/min|X|AMOUNT)\b/gm)].map(m => m[1]).sort();

/** The message `parse` refuses `args` with; a usage error for the mock (its CLI exits 2 only on those). */
function refusal(cli: Cli, args: string[], env?: NodeJS.ProcessEnv): string {
  try {
    CLIS[cli].parse(args, env);
  } catch (error) {
    if (cli === 'mock') expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${cli} took ${args.join(' ')}`);
}

const cases = Object.entries(FLAGS).flatMap(([cli, flags]) =>
  Object.entries(flags).flatMap(([flag, row]) => row.bad.map(bad => [cli as Cli, flag, bad, row] as const)),
);

describe('numeric flags', () => {
  it.each(Object.keys(CLIS) as Cli[])('the table has every numeric flag of the %s --help', cli => {
    expect(Object.keys(FLAGS[cli]).sort()).toEqual(numericFlags(CLIS[cli].usage));
  });

  it.each(cases)('%s --%s=%j is refused, naming the flag', (cli, flag, bad, row) => {
    const message = refusal(cli, [`--${flag}=${bad}`]);
    if ('what' in row) expect(message).toBe(`--${flag} must be ${row.what}, got '${bad}'`);
    else expect(message.startsWith(`--${flag}`) && message.slice(flag.length + 2)).toMatch(row.after);
    expect(message).not.toContain('\n');
  });

  it('names PORT when the bad port came from it', () => {
    for (const cli of ['mock', 'proxy'] as const) {
      expect(refusal(cli, [], { PORT: '99999' })).toBe("PORT must be a port from 0 to 65535, got '99999'");
      expect(refusal(cli, ['--port', 'x'], { PORT: '4011' })).toBe(
        "--port must be a port from 0 to 65535, got 'x'",
      );
    }
  });

  it('refuses timeouts that contradict each other, naming the flags, not the options', () => {
    for (const cli of ['mock', 'proxy'] as const) {
      expect(refusal(cli, ['--headers-timeout-ms', '200000'])).toBe(
        "--headers-timeout-ms must not be over --request-timeout-ms (120000), got '200000'",
      );
      expect(refusal(cli, ['--request-timeout-ms', '5000'])).toBe(
        "--request-timeout-ms must not be under --headers-timeout-ms (10000), got '5000'",
      );
    }
    expect(refusal('proxy', ['--upstream-timeout', '5000', '--idle-timeout-ms', '5000'])).toBe(
      "--idle-timeout-ms must be over --upstream-timeout (5000), got '5000'",
    );
  });

  it.each(Object.entries(spawned))('%s: exits 2 with the flag named and the usage', async (cli, run) => {
    const { code, stderr } = await run;
    const usageLine = (cli === 'mock' ? mockUsage : proxyUsage).split('\n')[0]!;
    const firstLine = stderr.split('\n')[0];
    expect(code).toBe(2);
    expect(firstLine).toBe(
      cli === 'mock'
        ? "mediagen-mock: --max-jobs must be a positive integer, got '0'"
        : "mediagen-contract proxy: --idle-timeout-ms must be over --upstream-timeout (60000), got '1000'",
    );
    expect(stderr).toContain(usageLine);
    if (cli === 'mock') expect(readFileSync('docs/mock.md', 'utf8')).toContain(`(exit 2): \`${firstLine}\`.`);
  });
});
