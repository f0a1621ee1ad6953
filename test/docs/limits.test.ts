// docs/limits.md held to the code: a row for every bound of test/docs/limits-table.ts and none else,
// each with its flag, option, tools and the code's default; every flag in its tool's --help with that
// default, and setting that option; the mock guide pointing there for the figures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../generated/catalogue.ts';
import { parseTestArgs, testUsage } from '../../src/contract/test-cli.ts';
import { MAX_TIMER_MS } from '../../src/kernel/timer.ts';
import { parseMockArgs, usage } from '../../src/mock/cli-options.ts';
import { parseProxyArgs, proxyUsage } from '../../src/proxy/cli.ts';
import { IDLE_PAST_UPSTREAM_MS } from '../../src/proxy/context.ts';
import { LIMITS, shown, type Limit, type Tool } from './limits-table.ts';

const doc = readFileSync(new URL('../../docs/limits.md', import.meta.url), 'utf8');

/** The rows of each `## ` group's table: its cells, trimmed. */
function groups(markdown: string): Map<string, string[][]> {
  const found = new Map<string, string[][]>();
  let rows: string[][] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) found.set(line.slice(3), (rows = []));
    else if (/^\|(?!\s*(limit|-+)\s*\|)/.test(line)) rows.push(line.slice(1, -1).split(' | ').map(c => c.trim()));
  }
  return found;
}

const TOOLS: Record<Tool, { usage: string; parse: (args: string[]) => object }> = {
  mock: {
    usage,
    parse: args => {
      const command = parseMockArgs(args, {});
      if (command.kind !== 'serve') throw new Error(command.kind);
      return command.options;
    },
  },
  proxy: {
    usage: proxyUsage,
    parse: args => parseProxyArgs(['http://upstream.test', ...args], {}) as object,
  },
  'contract CLI': {
    usage: testUsage,
    parse: args => {
      const parsed = parseTestArgs(['test', 'http://server.test', '--key', 'sk_test_limits', ...args], {});
      if (parsed === 'help') throw new Error('help');
      return parsed.suite;
    },
  },
};

/** A flag's --help entry: its line and the ones under it, up to the next option. */
function helpOf(text: string, flag: string): string | undefined {
  const lines = text.split('\n');
  const at = lines.findIndex(l => l.startsWith(`  --${flag} `) || l === `  --${flag}`);
  if (at < 0) return undefined;
  const end = lines.findIndex((l, i) => i > at && !/^ {4,}/.test(l));
  return lines.slice(at, end < 0 ? undefined : end).join('\n');
}

const valueAt = (options: object, path: string): unknown =>
  path.split('.').reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], options);

const page = groups(doc);
/** A value every flag takes alone: over the proxy's upstream timeout, under the request timeout. */
const SET = '90000';
const cases = Object.entries(LIMITS).flatMap(([group, limits]) => limits.map(l => [group, l.limit, l] as const));

describe('docs/limits.md', () => {
  it('has the groups of the table, in order, with no row the table lacks', () => {
    expect([...page.keys()]).toEqual(Object.keys(LIMITS));
    for (const [group, limits] of Object.entries(LIMITS))
      expect(page.get(group)!.map(cells => cells[0]), group).toEqual(limits.map(l => l.limit));
  });

  it.each(cases)('%s: %s has its flag, option, tools and the code default', async (group, name, l: Limit) => {
    const row = page.get(group)?.find(cells => cells[0] === name);
    expect(row, `no row '${name}' under '## ${group}'`).toBeDefined();
    const [, flag, option, fallback, tools] = row!;
    expect(flag).toBe(l.flag ? `\`--${l.flag}\`` : '—');
    expect(option).toBe(l.option ? `\`${l.option}\`` : '—');
    expect(tools).toBe(l.tools.join(', '));
    if (typeof l.value === 'number') expect(fallback).toBe(shown(l.value, l.unit));
    else {
      const documented = Number(/^\d+/.exec(fallback!)?.[0]);
      expect(fallback).toBe(shown(documented, l.unit));
      await l.value(documented);
    }
  });

  it.each(cases.filter(([, , l]) => l.flag).map(([group, , l]) => [group, l.flag!, l] as const))(
    '%s: --%s is in --help with its default, and sets it',
    (_group, _flag, l) => {
    for (const tool of l.tools) {
      const { usage: text, parse } = TOOLS[tool];
      const help = helpOf(text, l.flag!);
      expect(help, `--${l.flag} in the ${tool}'s --help`).toBeDefined();
      expect(help).toContain(`default ${l.value as number}`);
      expect(valueAt(parse([`--${l.flag}`, SET]), l.option!), `--${l.flag} ${SET} sets ${l.option}`).toBe(+SET);
    }
    },
  );

  it("links the contract's error for the payload limits and the mock guide for what eviction keeps", () => {
    expect(doc).toContain(`(${errorCatalogue.payload_too_large.docUrl})`);
    expect(doc).toContain('(mock.md#accounts-models-and-credits)');
  });

  // The proxy raising its idle timeout by that margin is held by test/mock/limit-flags.test.ts.
  it("gives the longest time limit and the proxy's idle margin from the code's constants", () => {
    const text = doc.replace(/\s+/g, ' ');
    expect(text).toContain(`A time limit is also at most ${MAX_TIMER_MS} ms`);
    expect(text).toContain(`(unset, it is raised to ${IDLE_PAST_UPSTREAM_MS / 1000} s past it)`);
  });

  it('is where the mock guide sends a reader for the caps, which it does not restate', () => {
    const guide = readFileSync(new URL('../../docs/mock.md', import.meta.url), 'utf8');
    expect(guide).toContain('(limits.md#what-the-mock-keeps)');
    expect(guide).not.toMatch(/`--max-accounts` \(default/);
  });
});
