// Requests per second of the client against bare fetch, on loopback, against a server in a child
// process (so that it does not share the client's event loop). Bounded: about 10 s in all.
// Report only: loopback numbers on a shared machine are too noisy to fail a build on. Plain
// openapi-fetch is measured too, so that what the client adds on top of it is visible.
// Run: npx tsx bench/client-rps.ts
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import createFetchClient from 'openapi-fetch';
import type { paths } from '../generated/schema.ts';
import { createClient } from '../src/index.ts';

const concurrency = 16;
const roundMs = 700;
const rounds = 6;

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

const client = createClient({ apiKey: 'sk_bench', baseUrl });
const plain = createFetchClient<paths>({ baseUrl, headers: { Authorization: 'Bearer sk_bench' } });
const runners: Record<string, () => Promise<unknown>> = {
  'openapi-fetch': async () => {
    const { error } = await plain.GET('/v2/billing/balance');
    if (error) throw new Error('unexpected error');
  },
  'bare fetch': async () => {
    const response = await fetch(`${baseUrl}/v2/billing/balance`, { headers: { Authorization: 'Bearer sk_bench' } });
    if (!response.ok) throw new Error(`status ${response.status}`);
    return response.json();
  },
  client: async () => {
    const { error } = await client.GET('/v2/billing/balance');
    if (error) throw error;
  },
};

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

// Rounds in pairs, alternating which goes first, so that drift (JIT, GC, CPU frequency, other
// processes) hits both alike; the ratio is the median of the per-pair ratios.
const pairs: { bare: number; client: number; plain: number }[] = [];
for (const run of Object.values(runners)) await measure(run, 500); // warm-up
for (let i = 0; i < rounds; i++) {
  const pair = { bare: 0, client: 0, plain: 0 };
  if (i % 2) pair.client = await measure(runners.client!, roundMs);
  pair.bare = await measure(runners['bare fetch']!, roundMs);
  pair.plain = await measure(runners['openapi-fetch']!, roundMs);
  if (!(i % 2)) pair.client = await measure(runners.client!, roundMs);
  pairs.push(pair);
}
child.stdin!.end();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratio = median(pairs.map((p) => p.client / p.bare));
console.log(`client-rps: GET /v2/billing/balance, loopback, ${concurrency} in flight, ${rounds} pairs of ${roundMs} ms rounds`);
console.log(`  bare fetch ${median(pairs.map((p) => p.bare)).toFixed(0)} req/s (median)`);
console.log(`  openapi-fetch ${median(pairs.map((p) => p.plain)).toFixed(0)} req/s (median), ${median(pairs.map((p) => p.plain / p.bare)).toFixed(3)} of bare fetch`);
console.log(`  client     ${median(pairs.map((p) => p.client)).toFixed(0)} req/s (median), ${median(pairs.map((p) => p.client / p.plain)).toFixed(3)} of openapi-fetch`);
console.log(`  ratio      ${ratio.toFixed(3)} of bare fetch (median of pairs; target >= 0.90): ${ratio >= 0.9 ? 'met' : 'missed'}`);
