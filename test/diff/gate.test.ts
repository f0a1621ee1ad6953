// The gate `npm test` runs: openapi/ against the default base (the newest release tag `v*`, else
// the merge-base with main; in a clean clone of main with no tag that is HEAD itself, so nothing is
// reported), and how the gate decides: a breaking change needs a new major info.version or an
// x-breaking-allowed that the base did not have.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSpecAjv, specRef } from '../../src/contract/ajv.ts';
import { checkoutBase, defaultBase } from '../../src/diff/base.ts';
import { bundleTree } from '../../src/bundle/bundle.ts';
import { compareWithBase } from '../../src/diff/compare.ts';
import { diffContracts } from '../../src/diff/diff.ts';
import { gate } from '../../src/diff/gate.ts';
import { loadSpec } from '../../src/kernel/load.ts';
import { type Spec } from '../../src/kernel/contract.ts';
import type { Edit } from '../../src/diff/fixtures/edits.ts';
import { repo, useScratch } from './workspace.ts';

const ctx = useScratch();

const BALANCE = 'openapi/components/schemas/billing/Balance.yaml';
const removeCurrency: Edit[] = [
  [BALANCE, 'required: [balance, currency]', 'required: [balance]'],
  [BALANCE, /  currency:\n(    .*\n){3}/, ''],
];
const version = (to: string): Edit => ['openapi/openapi.yaml', /^  version: .*$/m, `  version: ${to}`];

/** The gate on the scratch copy after `edits`, against `from` (the repo's openapi/ by default). */
async function gateAfter(edits: Edit[], from: Spec = ctx.base) {
  const { scratch } = ctx;
  await scratch.apply(edits);
  try {
    const head = await bundleTree(scratch.dir);
    return gate(diffContracts({ spec: from, dir: repo }, { spec: head, dir: scratch.dir }), from, head);
  } finally {
    await scratch.restore();
  }
}

describe('the breaking-change gate', () => {
  test('openapi/ has no breaking change against the default base without a new major version', async () => {
    const result = await compareWithBase(repo);
    expect(result.gate.ok, result.gate.report).toBe(true);
  });

  test("the in-process bundle the diff reads is the build's bundle, generated/openapi.json", () => {
    expect(ctx.base).toEqual(loadSpec());
  });

  test('the diff of openapi/ against itself reports nothing', () => {
    expect(diffContracts({ spec: ctx.base, dir: repo }, { spec: ctx.base, dir: repo })).toEqual([]);
  });

  test('fails on a breaking change without a major bump, listing the change and where it is', async () => {
    const result = await gateAfter([...removeCurrency, version(bumped(ctx.base, 'minor'))]);
    expect(result.ok).toBe(false);
    expect(result.blocking.map(c => c.rule)).toEqual(['response-property-removed']);
    expect(result.report).toMatch(
      /breaking \(clients\) openapi\/components\/schemas\/billing\/Balance\.yaml:\d+ .*: field `currency` removed from the 200 response \[getBalance\]/,
    );
  });

  test('passes the same change with a new major version', async () => {
    const result = await gateAfter([...removeCurrency, version(bumped(ctx.base, 'major'))]);
    expect(result.ok, result.report).toBe(true);
    expect(result.blocking).toHaveLength(1);
  });

  test('passes it with an x-breaking-allowed recorded in the spec, once: not when the base had it already', async () => {
    const allow: Edit = [
      BALANCE,
      'type: object\n',
      "type: object\nx-breaking-allowed: 'agreed with every client'\n",
    ];
    expect((await gateAfter([allow, ...removeCurrency])).ok).toBe(true);
    await ctx.scratch.apply([allow]);
    const allowedBefore = await bundleTree(ctx.scratch.dir).finally(() => ctx.scratch.restore());
    const again = await gateAfter([allow, ...removeCurrency], allowedBefore);
    expect(again.ok).toBe(false);
    expect(again.blocking.map(c => c.message)).toEqual(['field `currency` removed from the 200 response']);
  });

  test('the strict Ajv of the contract validators accepts x-breaking-allowed on a schema', () => {
    const spec = structuredClone(ctx.base) as any;
    spec.components.schemas.Balance['x-breaking-allowed'] = 'agreed with every client';
    const validate = createSpecAjv(spec).getSchema(specRef('#/components/schemas/Balance'))!;
    expect(validate({ balance: 1, currency: 'USD' })).toBe(true);
  });
});

test('a spec that does not bundle fails naming the file and line', async () => {
  await ctx.scratch.apply([['openapi/paths/models.yaml', 'ModelList.yaml', 'ModelLists.yaml']]);
  await expect(bundleTree(ctx.scratch.dir).finally(() => ctx.scratch.restore())).rejects.toThrow(
    /^openapi\/paths\/models\.yaml:\d+:\d+ Can't resolve \$ref/,
  );
});

describe('the base', () => {
  let git: string;
  beforeAll(() => {
    git = mkdtempSync(join(tmpdir(), 'mediagen-git-'));
    const run = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
        cwd: git,
        stdio: 'ignore',
      });
    run('init', '-q', '-b', 'main');
    writeFileSync(join(git, 'README'), 'x');
    run('add', '.');
    run('commit', '-qm', 'one');
  });
  afterAll(() => rmSync(git, { recursive: true, force: true }));
  const gitIn = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
      cwd: git,
      encoding: 'utf8',
    }).trim();

  test('is the merge-base with main when there is no release tag (HEAD itself on main)', () => {
    expect(defaultBase(git)).toBe(gitIn('rev-parse', 'HEAD'));
  });

  test('is the newest release tag by version order', () => {
    for (const tag of ['v1.9.0', 'v1.10.0', 'v1.2.0', 'other']) gitIn('tag', tag);
    expect(defaultBase(git)).toBe('v1.10.0');
  });

  test('a ref that does not exist, or has no openapi/, fails with one line naming it', () => {
    expect(() => checkoutBase(git, 'v9')).toThrow('base v9: not a commit, branch or tag of this repository');
    expect(() => checkoutBase(git, 'v1.10.0')).toThrow('base v1.10.0: it has no openapi/ directory');
    expect(() => checkoutBase(tmpdir(), 'HEAD')).toThrow(`${tmpdir()} is not a git checkout`);
  });
});

/** info.version with its major or minor number raised. */
function bumped(spec: Spec, part: 'major' | 'minor'): string {
  const [major, minor] = String((spec.info as Record<string, unknown>).version)
    .split('.')
    .map(Number);
  return part === 'major' ? `${major! + 1}.0.0` : `${major}.${minor! + 1}.0`;
}
