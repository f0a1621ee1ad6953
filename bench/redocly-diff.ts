// `redocly diff` (Redocly CLI's experimental diff) with the `diff-recommended` rules, the peer of our
// classifier: run as a command on two API descriptions, its JSON report read back.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './results.ts';

export type Impact = 'major' | 'minor' | 'patch' | 'none';

export interface RedoclyReport {
  /** The semver bump the changes require: `major` for a breaking one. */
  bump: Impact;
  changes: { path: string; impact: Impact; verdicts: { ruleId: string; impact: Impact }[] }[];
}

export const redoclyBin = join(repoRoot, 'node_modules/.bin/redocly');

export interface RedoclyDiff {
  /** The command line for `base` → `revision`, as the benches run it (the config file included). */
  args(base: string, revision: string): string[];
  run(base: string, revision: string): Promise<RedoclyReport>;
  remove(): Promise<void>;
}

/** A `redocly diff` set up with a config of its own that extends `diff-recommended` (redocly.yaml is for lint). */
export async function redoclyDiff(): Promise<RedoclyDiff> {
  const dir = await mkdtemp(join(tmpdir(), 'mediagen-redocly-diff-'));
  const config = join(dir, 'redocly.yaml');
  await writeFile(config, 'extends:\n  - diff-recommended\n');
  const args = (base: string, revision: string) => [
    'diff',
    base,
    revision,
    '--config',
    config,
    '--format',
    'json',
    '--fail-on',
    'none',
  ];
  return {
    args,
    async run(base, revision) {
      const { stdout } = await promisify(execFile)(redoclyBin, args(base, revision), {
        cwd: repoRoot,
        maxBuffer: 64 << 20,
      });
      const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as Partial<RedoclyReport>;
      return { bump: report.bump ?? 'none', changes: report.changes ?? [] };
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
