// `npm run bench:mock`: requests per second and p50/p99 latency of the mock against plain Prism on
// the same bundle, under the same bounded local load (autocannon, a fixed mix of requests). Each
// server runs as its own child process with its output discarded. Target: mock ≥ 0.9 × plain Prism.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const DURATION = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const auth = { authorization: 'Bearer mg_bench', 'content-type': 'application/json' };

/** The mix: a list, a synchronous image, a video job, a forced poll example, a validation error. */
const mix: autocannon.Request[] = [
  { method: 'GET', path: '/v2/models', headers: auth },
  { method: 'POST', path: '/v2/images/generations', headers: auth, body: JSON.stringify({ model: 'seedream-5-lite', prompt: 'a lighthouse at dawn', resolution: '2K' }) },
  { method: 'POST', path: '/v2/videos/generations', headers: auth, body: JSON.stringify({ model: 'seedance-v1-pro', prompt: 'a cat surfing', duration: 5 }) },
  { method: 'GET', path: '/v2/videos/generations/vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY', headers: { ...auth, prefer: 'code=200, example=processing' } },
  { method: 'POST', path: '/v2/videos/generations', headers: auth, body: JSON.stringify({ model: 'seedance-v1-pro', prompt: 'p', duration: 'five' }) },
];

interface Target {
  name: string;
  command: string[];
}

const targets: Target[] = [
  { name: 'plain Prism CLI (prism mock)', command: ['node_modules/@stoplight/prism-cli/dist/index.js', 'mock', 'generated/openapi.json', '--host', '127.0.0.1', '--port', '{port}'] },
  { name: 'plain Prism, in-process, silent', command: ['--import', 'tsx', 'bench/mock-plain.ts', '{port}'] },
  { name: 'Mediagen mock (npm start)', command: ['--import', 'tsx', 'src/mock/cli.ts', '--port', '{port}'] },
];

/** A port the OS says is free now (Prism's CLI cannot report the port it got from `--port 0`). */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

async function start(target: Target, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, target.command.map(a => a.replace('{port}', String(port))), { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${target.name} did not start: ${out}`)), 20_000);
    child.stdout!.on('data', d => {
      out += d;
      if (/listening on/i.test(out)) {
        clearTimeout(timer);
        // From here on its output is discarded, like a log sent to /dev/null.
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve();
      }
    });
    child.on('exit', code => reject(new Error(`${target.name} exited with ${code}: ${out}`)));
  });
  return child;
}

function load(port: number, seconds: number) {
  return autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: seconds, requests: mix });
}

const results: { name: string; startMs: number; rps: number; p50: number; p99: number; errors: number; non2xx: number }[] = [];
for (const target of targets) {
  const port = await freePort();
  const started = performance.now();
  const child = await start(target, port);
  const startMs = performance.now() - started;
  try {
    await load(port, 1); // warm-up: JIT, Ajv compilation, example caches
    const r = await load(port, DURATION);
    results.push({ name: target.name, startMs, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx });
  } finally {
    child.kill('SIGTERM');
    await new Promise(resolve => child.once('exit', resolve));
  }
}

console.log(`${CONNECTIONS} connections, ${DURATION} s per server, mix of ${mix.length} requests\n`);
console.log('server                            start ms   req/s     p50 ms   p99 ms   errors');
for (const r of results) console.log(`${r.name.padEnd(33)} ${r.startMs.toFixed(0).padStart(8)}   ${r.rps.toFixed(0).padStart(6)}   ${String(r.p50).padStart(6)}   ${String(r.p99).padStart(6)}   ${r.errors}`);
const mock = results.at(-1)!;
for (const baseline of results.slice(0, -1)) {
  console.log(`mock / ${baseline.name}: ${(mock.rps / baseline.rps).toFixed(2)}× req/s`);
}
const strict = results[1]!;
process.exitCode = mock.rps >= 0.9 * strict.rps && mock.errors === 0 ? 0 : 1;
await (await import('./proxy.ts')).benchProxy({ mix, seconds: DURATION, connections: CONNECTIONS }); // the validating proxy against the mock directly
