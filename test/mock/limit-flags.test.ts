// The limits get flags on both CLIs, read from the one limits module (issue 22): each flag sets its
// limit, a bad value names the flag, --help lists every flag with its default, and docs/limits.md
// has a row for each with the same default.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { DELIVERY_LIMIT_FLAGS, SERVER_LIMIT_FLAGS } from '../../src/kernel/limit-flags.ts';
import { parseMockArgs, usage } from '../../src/mock/cli-options.ts';
import { parseProxyArgs, proxyUsage } from '../../src/proxy/cli.ts';

const proxyFlags = SERVER_LIMIT_FLAGS.filter(f => f.key !== 'maxBodyBytesInFlight');
const serve = (args: string[]) => {
  const command = parseMockArgs(args, {});
  if (command.kind !== 'serve') throw new Error(command.kind);
  return command.options;
};

it.each(SERVER_LIMIT_FLAGS.map(f => [f.flag, f] as const))('mediagen-mock --%s sets it', (_name, f) => {
  expect(serve([`--${f.flag}`, '7']).serverLimits).toEqual({ [f.key]: 7 });
  expect(() => serve([`--${f.flag}`, '0'])).toThrow(`--${f.flag} must be a positive integer, got '0'`);
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
    `--${f.flag} must be a positive integer, got 'x'`,
  );
  expect(proxyUsage).toContain(`--${f.flag} N`);
});

it('docs/limits.md has a row for every flag, with the module default', () => {
  const doc = readFileSync(new URL('../../docs/limits.md', import.meta.url), 'utf8');
  for (const f of [...SERVER_LIMIT_FLAGS, ...DELIVERY_LIMIT_FLAGS]) {
    const row = doc.split('\n').find(line => line.includes(`\`--${f.flag}\``));
    expect(row, f.flag).toBeDefined();
    expect(row).toContain(`| ${f.fallback}`);
  }
});
