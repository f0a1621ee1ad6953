// The version to compare with: a git ref (default: the newest release tag `v*`, else the merge-base
// with main), its openapi/ extracted with `git archive` into a scratch directory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpecError } from '../bundle/bundle.ts';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const tryGit = (cwd: string, ...args: string[]) => {
  try {
    return git(cwd, ...args) || undefined;
  } catch {
    return undefined;
  }
};

/** The newest `v*` tag by version order (v1.10.0 after v1.9.0), if any. */
export const newestReleaseTag = (cwd: string) =>
  tryGit(cwd, 'tag', '--list', 'v*', '--sort=-v:refname')?.split('\n')[0];

/** The newest `v*` tag (by version order), else the merge-base with main (or origin/main), else HEAD. */
export function defaultBase(cwd: string): string {
  const tag = newestReleaseTag(cwd);
  if (tag) return tag;
  for (const main of ['main', 'origin/main']) {
    const mergeBase = tryGit(cwd, 'merge-base', 'HEAD', main);
    if (mergeBase) return mergeBase;
  }
  return 'HEAD';
}

/** openapi/ as it is at `ref`, in a scratch directory; `remove` deletes it. */
export function checkoutBase(cwd: string, ref: string): { dir: string; remove: () => void } {
  // One git call when the ref is good; a second only to say why it is not.
  if (!tryGit(cwd, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`)) {
    if (!tryGit(cwd, 'rev-parse', '--git-dir'))
      throw new SpecError(`${cwd} is not a git checkout: the diff compares openapi/ with a git ref`);
    throw new SpecError(`base ${ref}: not a commit, branch or tag of this repository`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'mediagen-base-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const archive = execFileSync('git', ['archive', '--format=tar', ref, 'openapi'], {
      cwd,
      maxBuffer: 256 << 20,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
  } catch {
    remove();
    throw new SpecError(`base ${ref}: it has no openapi/ directory`);
  }
  return { dir, remove };
}
