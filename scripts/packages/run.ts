// Child processes for the package check: a command run to its end (output kept for the report),
// and a long-running one whose readiness is a line it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end, never throwing on a non-zero exit (the caller judges the code). */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
    child.on('error', reject);
    child.on('close', code => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Fails with the command's own output when it did not exit 0. */
export async function runOk(
  command: string,
  args: string[],
  options: Parameters<typeof run>[2],
): Promise<Ran> {
  const result = await run(command, args, options);
  if (result.code !== 0)
    throw new Error(
      `${[command, ...args].join(' ')} exited ${result.code}:\n${(result.stdout + result.stderr).trim()}`,
    );
  return result;
}

/** Starts a server process in its own process group (npx does not pass signals on to the bin it
 * runs) and resolves with the first match of `ready` in its stdout; `output()` is all it printed so far. */
export function startUntil(command: string, args: string[], cwd: string, ready: RegExp, timeoutMs = 60_000) {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const matched = new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`${command} ${args.join(' ')} printed no ${ready} within ${timeoutMs} ms:\n${output}`),
        ),
      timeoutMs,
    );
    const look = (chunk: Buffer) => {
      output += chunk;
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout.on('data', look);
    child.stderr.on('data', chunk => (output += chunk));
    child.on('exit', code => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited ${code} before it was ready:\n${output}`));
    });
  });
  return { child, matched, output: () => output };
}

/**
 * Stops a started process and everything it started (its group) with SIGTERM, and waits until they
 * are gone: until every process holding its output has closed it (npx may exit before the bin it ran
 * has printed its last lines).
 */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
    return Promise.resolve();
  const pid = child.pid;
  return new Promise(resolve => {
    child.once('close', () => resolve());
    process.kill(-pid, 'SIGTERM');
  });
}

/** Fails with both values when `actual` is not deeply equal to `expected`. */
export function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (!isDeepStrictEqual(actual, expected))
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
