// A command line of this package run once in a child process (through tsx): its exit code and output.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { root } from '../../scripts/root.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `script` (a path from the repository's root) with `args`, `env` over this process's. */
export const runCli = (script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    timeout: 20_000,
  }).then(
    out => ({ code: 0, ...out }),
    (err: CliRun) => err,
  );
