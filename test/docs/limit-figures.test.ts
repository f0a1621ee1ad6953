// The guides point to docs/limits.md for the figures of the limits, never retyping them (a retyped
// default goes stale when the code's default changes; that page is held to the code by limits.test.ts): no
// default of that page's table, in any form it may be written (60000, 60 s, 1 MiB), beside the
// limit's flag or option, or after "over", "up to", "default" ... in any other guide.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const docs = new URL('../../docs/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, docs), 'utf8');

interface Figure {
  names: string[];
  /** The default as digits (a count is only ever seen beside its flag), and in its units. */
  raw: string[];
  units: string[];
}

/** The ways a default may be written: as digits, and in each unit that divides it (60 s, 1 MiB). */
function figureOf(names: string[], value: number, cell: string): Figure {
  const grouped = value.toLocaleString('en-US');
  const sizes: [string, number][] = cell.includes('MiB')
    ? [['MiB', 1024 * 1024], ['KiB', 1024]]
    : / ms\b/.test(cell)
      ? [['ms', 1], ['s', 1000], ['min', 60_000], ['h', 3_600_000]]
      : [];
  return {
    names,
    raw: [...new Set([String(value), grouped, grouped.replace(/,/g, '_')])],
    units: sizes.filter(([, size]) => value % size === 0).map(([unit, size]) => `${value / size} ${unit}`),
  };
}

/** Each row of docs/limits.md's tables: its flag and option (unquoted), and the forms of its default. */
const figures: Figure[] = read('limits.md')
  .split('\n')
  .filter(line => /^\| (?!limit \|)(?!-)/.test(line))
  .map(line => {
    const [, flag, option, fallback] = line.slice(2, -2).split(' | ');
    const cells = [flag!, option!].filter(cell => cell !== '—');
    const names = cells.map(cell => cell.replace(/`/g, '').replace(/^.*\./, ''));
    return figureOf(names, Number(/^\d+/.exec(fallback!)![0]), fallback!);
  });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const NEAR = 80;
// Not `within`: the idempotency retention is the contract's, and mock.md's figure of it is held to the
// contract (test/mock/idempotency-retention.test.ts).
const BOUND_WORDS = 'over|up to|at most|past|default';
/** One of `forms`, not in a longer number or word (`5 s` is not `5 steps`; `1 MiB.` and `25 MiB or` are). */
const alternatives = (forms: string[]) =>
  `(?<![\\d.])(?:${forms.map(escape).join('|')})(?![\\da-zA-Z%]|\\.\\d)`;

/** Where `guide` writes a default of the table: beside its flag or option, or after a bound's word. */
function retyped(guide: string): string[] {
  const hits: string[] = [];
  for (const { names, raw, units } of figures) {
    const any = alternatives([...raw, ...units]);
    const near = names.map(name => `${escape(name)}\\b(?:(?!--)[^\\n]){0,${NEAR}}?${any}`);
    const bound = units.length > 0 ? [`\\b(?:${BOUND_WORDS})\\s+${alternatives(units)}`] : [];
    const patterns = [...near, ...bound];
    if (patterns.length === 0) continue;
    for (const m of guide.matchAll(new RegExp(patterns.join('|'), 'g'))) hits.push(m[0]);
  }
  return [...new Set(hits)];
}

// test-values.md is written from the fixtures table (scripts/docs-generated.ts), its figures from
// there; client.md's figures are the client's own options (retries, timeouts), none of that page.
const OTHERS = ['limits.md', 'test-values.md', 'client.md'];
const guides = readdirSync(docs).filter(name => name.endsWith('.md') && !OTHERS.includes(name));

it.each(guides)('docs/%s points to docs/limits.md for the figures of the limits', name => {
  expect(retyped(read(name))).toEqual([]);
});

it('would see a retyped default in each form', () => {
  expect(retyped('Answers are held until checked, up to 1 MiB.')).toEqual(['up to 1 MiB']);
  expect(retyped('a body over 25 MiB or a data-URL image')).toEqual(['over 25 MiB']);
  expect(retyped('within `--upstream-timeout` ms (default 60000)')).toEqual([
    '--upstream-timeout` ms (default 60000',
  ]);
  expect(retyped('`maxRetryAfterMs`, default 60 s')).toContain('default 60 s');
  expect(retyped('npx mediagen-mock --max-jobs 1000')).toEqual(['--max-jobs 1000']);
  expect(retyped('npx mediagen-mock --max-jobs 10 --port 1000, 5 steps of 5.5 s')).toEqual([]);
});

it('is linked as Limits where a link names the page, and the README names every tool it covers', () => {
  for (const name of guides)
    for (const [, label] of read(name).matchAll(/\[([^\]]*limits)\]\(limits\.md(?:#[^)]*)?\)/gi))
      expect(label, `a link in docs/${name}`).toBe('Limits');
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  expect(readme).toContain(
    '[Limits](docs/limits.md): what one peer may hold of the mock, the proxy and the contract CLI;',
  );
});
