// Requests per second of the client against plain openapi-fetch, on loopback, against a server in a
// child process (so that it does not share the client's event loop). Bounded: about 20 s in all.
// The target is the client's own layer (errors, retries, timeout), so it is compared like for like
// in one run: the client without a timeout against plain openapi-fetch, and the client with its
// default timeout against openapi-fetch given the same timeout signal (an AbortSignal costs undici
// several percent per request, whoever makes it). Target: >= 0.95, medians of per-round ratios.
// Bare fetch is shown for reference. Report only: loopback numbers on a shared machine are too noisy
// to fail a build on. Run: npx tsx bench/client-rps.ts (--tiny or BENCH_TINY=1 for a tiny setting).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import createFetchClient from 'openapi-fetch';
import type { paths } from '../generated/schema.ts';
import { createClient } from '../src/client/index.ts';
import { deadline } from '../src/client/retry.ts';
import { benchSettings, median, versionOf, writeSection, type Figure } from './results.ts';

const concurrency = 16;
const target = 0.95;
const { roundMs, rounds, warmupMs } = benchSettings(
  { roundMs: 700, rounds: 6, warmupMs: 500 },
  { roundMs: 50, rounds: 1, warmupMs: 20 },
);
const timeout = 60_000; // the client's default

const serverSource = `
const body = JSON.stringify({ balance: 42.5, currency: 'USD' });
const server = require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bench', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
process.stdin.on('end', () => process.exit(0)).resume();`;
const child = spawn(process.execPath, ['-e', serverSource], { stdio: ['pipe', 'pipe', 'inherit'] });
const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
const baseUrl = `http://127.0.0.1:${chunk.toString().trim()}`;
const url = `${baseUrl}/v2/billing/balance`;
const headers = { Authorization: 'Bearer sk_bench' };

const timed = createClient({ apiKey: 'sk_bench', baseUrl });
const untimed = createClient({ apiKey: 'sk_bench', baseUrl, timeout: Infinity });
const plain = createFetchClient<paths>({ baseUrl, headers });
const ok = (error: unknown) => {
  if (error) throw new Error(`unexpected error: ${JSON.stringify(error)}`);
};

const runners = {
  fetch: async () => (await fetch(url, { headers })).json(),
  'fetch + timeout': async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    try {
      return await (await fetch(url, { headers, signal: controller.signal })).json();
    } finally {
      clearTimeout(timer);
    }
  },
  'openapi-fetch': async () => ok((await plain.GET('/v2/billing/balance')).error),
  'openapi-fetch + timeout': async () => {
    const limit = deadline(timeout); // the client's own timeout signal
    try {
      ok((await plain.GET('/v2/billing/balance', { signal: limit.signal })).error);
    } finally {
      limit.clear();
    }
  },
  client: async () => ok((await untimed.GET('/v2/billing/balance')).error),
  'client + timeout': async () => ok((await timed.GET('/v2/billing/balance')).error),
};
type Name = keyof typeof runners;

async function measure(run: () => Promise<unknown>, ms: number): Promise<number> {
  let count = 0;
  const end = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < end) {
      await run();
      count++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (count * 1000) / (performance.now() - started);
}

// Rounds of every runner, in an order that rotates each round, so that drift (JIT, GC, CPU
// frequency, other processes) hits all alike; ratios are medians of per-round ratios.
const names = Object.keys(runners) as Name[];
const samples: Record<Name, number>[] = [];
for (const name of names) await measure(runners[name], warmupMs); // warm-up
for (let i = 0; i < rounds; i++) {
  const sample = {} as Record<Name, number>;
  for (let j = 0; j < names.length; j++) {
    const name = names[(i + j) % names.length]!;
    sample[name] = await measure(runners[name], roundMs);
  }
  samples.push(sample);
}
child.stdin!.end();

const ratio = (a: Name, b: Name) => median(samples.map(s => s[a] / s[b]));
console.log(
  `client-rps: GET /v2/billing/balance, loopback, ${concurrency} in flight, ${rounds} rounds of ${roundMs} ms each`,
);
for (const name of names)
  console.log(
    `  ${name.padEnd(23)} ${median(samples.map(s => s[name]))
      .toFixed(0)
      .padStart(6)} req/s (median)`,
  );
const checks: [Name, Name][] = [
  ['client', 'openapi-fetch'],
  ['client + timeout', 'openapi-fetch + timeout'],
];
for (const [a, b] of checks) {
  const r = ratio(a, b);
  console.log(`  ${a} / ${b}: ${r.toFixed(3)} (target >= ${target}): ${r >= target ? 'met' : 'missed'}`);
}
console.log(
  `  for reference: openapi-fetch / fetch ${ratio('openapi-fetch', 'fetch').toFixed(3)}, client / fetch ${ratio('client', 'fetch').toFixed(3)}`,
);
console.log(`  openapi-fetch / fetch: ${ratio('openapi-fetch', 'fetch').toFixed(3)}`);

const rps = (name: Name) => median(samples.map(s => s[name]));
const figures: Figure[] = checks.map(([a, b]) => {
  const r = ratio(a, b);
  return {
    name: a,
    value: rps(a),
    unit: 'req/s',
    peer: { name: b, value: rps(b) },
    ratio: r,
    target: `≥ ${target}× the peer`,
    met: r >= target,
  };
});
figures.push({
  name: 'openapi-fetch (reference)',
  value: rps('openapi-fetch'),
  unit: 'req/s',
  peer: { name: 'fetch', value: rps('fetch') },
  ratio: ratio('openapi-fetch', 'fetch'),
});
await writeSection({
  id: '20-client-rps',
  title: 'Client requests per second against plain openapi-fetch',
  method:
    `GET /v2/billing/balance on loopback against a server in a child process, ${concurrency} requests in flight; ` +
    `medians of ${rounds} rounds of ${roundMs} ms per runner in rotating order, ratios the median of per-round ratios.`,
  command: 'npx tsx bench/client-rps.ts',
  figures,
  tools: { 'openapi-fetch': await versionOf('openapi-fetch'), undici: process.versions.undici ?? 'unknown' },
});
