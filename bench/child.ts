// Servers for the benches, each in its own child process: a free port, a start that waits for
// "listening on", and a stop that waits for the exit and hands back everything it printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { root } from '../scripts/root.ts';

export interface BenchChild {
  child: ChildProcess;
  /** Everything printed so far. */
  output(): string;
  /** SIGTERM, then the output once it has exited. */
  stop(): Promise<string>;
}

/** A port the OS says is free now. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

/**
 * `node <args>` in the repository, resolved once it prints "listening on". With `discardOutput`,
 * what it prints after that is dropped, like a log sent to /dev/null (a request log under load).
 */
export async function startChild(
  name: string,
  args: string[],
  { discardOutput = false } = {},
): Promise<BenchChild> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  const collect = (d: Buffer) => (out += d);
  child.stdout!.on('data', collect);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${out}`)), 20_000);
    const ready = () => {
      if (!/listening on/i.test(out)) return;
      clearTimeout(timer);
      child.stdout!.off('data', ready);
      if (discardOutput) child.stdout!.off('data', collect).resume();
      resolve();
    };
    child.stdout!.on('data', ready);
    child.once('exit', code => reject(new Error(`${name} exited with ${code}: ${out}`)));
  });
  return {
    child,
    output: () => out,
    async stop() {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
      return out;
    },
  };
}
