// `npm run diff` as package.json runs it (compiled by scripts/run-compiled.js, not under tsx): the
// same verdict as the library, and a bad base fails with one line.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { compareWithBase } from '../../src/diff/compare.ts';
import { repo } from './workspace.ts';

const command: string = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).scripts.diff;
const [bin, ...args] = command.split(' ');

const diff = (...more: string[]) =>
  promisify(execFile)(process.execPath, [...args, ...more], { cwd: repo }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (err: { code: number; stdout: string; stderr: string }) => err,
  );

describe('npm run diff', () => {
  test('runs on plain node', () => expect(bin).toBe('node'));

  test('prints the changes and gate of the library for openapi/ against the default base, exiting 1 only when the gate fails', async () => {
    const [run, result] = await Promise.all([diff(), compareWithBase(repo)]);
    expect(run.code, run.stderr).toBe(result.gate.ok ? 0 : 1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`: ${result.changes.length} change\\(s\\), \\d+ breaking$`));
    expect(lines.at(-1)).toBe(result.gate.summary);
  });

  test('a base that does not exist fails with one line naming it', async () => {
    const run = await diff('no-such-ref');
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('base no-such-ref: not a commit, branch or tag of this repository');
  });
});
