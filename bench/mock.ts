// `npm run bench:mock`: requests per second and p50/p99 latency of the mock against plain Prism on
// the same bundle, under the same bounded local load (autocannon, a fixed mix of requests). Each
// server runs as its own child process with its output discarded. Target: the stateful mock
// ≥ 1.0 × plain Prism in-process on the same mix. Then the mock's memory: RSS after 100,000 requests
// across 1,000 keys, in-process, with the account cap evicting the oldest state.
// `--tiny` (or BENCH_TINY=1): one second per server and a few hundred requests, to show it works.
import autocannon from 'autocannon';
import { createMock } from '../src/mock/index.ts';
import {
  DEFAULT_MAX_ACCOUNTS,
  DEFAULT_MAX_IDEMPOTENCY_RECORDS,
  DEFAULT_MAX_JOBS,
} from '../src/mock/settings.ts';
import { freePort, startChild } from './child.ts';
import { benchSettings, versionOf, writeSection, type Figure } from './results.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? benchSettings(6, 1));
const WARMUP = benchSettings(1, 0);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const MEMORY_REQUESTS = Number(process.env.BENCH_MEMORY_REQUESTS ?? benchSettings(100_000, 300));
const MEMORY_KEYS = benchSettings(1000, 30);
const headersOf = (key: string) => ({ authorization: `Bearer ${key}`, 'content-type': 'application/json' });

/**
 * The stateful mix, over several keys: a list, a synchronous image, a video job, a forced poll
 * example, a validation error, a balance, an idempotent replay, an unknown model and a test key.
 */
const mix: autocannon.Request[] = ['mg_bench_1', 'mg_bench_2', 'mg_bench_3']
  .flatMap((key): autocannon.Request[] => {
    const auth = headersOf(key);
    return [
      { method: 'GET', path: '/v2/models?type=video', headers: auth },
      {
        method: 'POST',
        path: '/v2/images/generations',
        headers: auth,
        body: JSON.stringify({ model: 'seedream-5-lite', prompt: 'a lighthouse at dawn', resolution: '2K' }),
      },
      {
        method: 'POST',
        path: '/v2/videos/generations',
        headers: auth,
        body: JSON.stringify({ model: 'seedance-v1-pro', prompt: 'a cat surfing', duration: 5 }),
      },
      {
        method: 'GET',
        path: '/v2/videos/generations/vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY',
        headers: { ...auth, prefer: 'code=200, example=processing' },
      },
      {
        method: 'POST',
        path: '/v2/videos/generations',
        headers: auth,
        body: JSON.stringify({ model: 'seedance-v1-pro', prompt: 'p', duration: 'five' }),
      },
      { method: 'GET', path: '/v2/billing/balance', headers: auth },
      {
        method: 'POST',
        path: '/v2/images/generations',
        headers: { ...auth, 'idempotency-key': 'bench' },
        body: JSON.stringify({ model: 'seedream-5-lite', prompt: 'the same' }),
      },
      {
        method: 'POST',
        path: '/v2/images/generations',
        headers: auth,
        body: JSON.stringify({ model: 'nope', prompt: 'x' }),
      },
    ];
  })
  .concat([
    { method: 'GET', path: '/v2/models', headers: headersOf('mg_test_revoked') } as autocannon.Request,
  ]);

/** Limits and credits stay on, set high enough that the load measures answers, not 429s and 402s. */
const UNLIMITED = [
  '--rate-limit',
  '100000000/min',
  '--max-concurrent',
  '100000000',
  '--balance',
  '100000000',
];

interface Target {
  name: string;
  command: string[];
}

const targets: Target[] = [
  {
    name: 'plain Prism CLI (prism mock)',
    command: [
      'node_modules/@stoplight/prism-cli/dist/index.js',
      'mock',
      'generated/openapi.json',
      '--host',
      '127.0.0.1',
      '--port',
      '{port}',
    ],
  },
  { name: 'plain Prism, in-process, silent', command: ['--import', 'tsx', 'bench/mock-plain.ts', '{port}'] },
  {
    name: 'Mediagen mock (npm start)',
    command: ['--import', 'tsx', 'src/mock/cli.ts', '--port', '{port}', ...UNLIMITED],
  },
];

function load(port: number, seconds: number) {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: mix,
  });
}

const results: {
  name: string;
  startMs: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}[] = [];
for (const target of targets) {
  const port = await freePort();
  const started = performance.now();
  // Prism's CLI cannot report the port it got from `--port 0`: each server gets a free one.
  const child = await startChild(
    target.name,
    target.command.map(a => a.replace('{port}', String(port))),
    { discardOutput: true },
  );
  const startMs = performance.now() - started;
  try {
    if (WARMUP) await load(port, WARMUP); // warm-up: JIT, Ajv compilation, example caches
    const r = await load(port, DURATION);
    results.push({
      name: target.name,
      startMs,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
    });
  } finally {
    await child.stop();
  }
}

console.log(`${CONNECTIONS} connections, ${DURATION} s per server, mix of ${mix.length} requests\n`);
console.log('server                            start ms   req/s     p50 ms   p99 ms   errors');
for (const r of results)
  console.log(
    `${r.name.padEnd(33)} ${r.startMs.toFixed(0).padStart(8)}   ${r.rps.toFixed(0).padStart(6)}   ${String(r.p50).padStart(6)}   ${String(r.p99).padStart(6)}   ${r.errors}`,
  );
const mock = results.at(-1)!;
for (const baseline of results.slice(0, -1)) {
  console.log(`mock / ${baseline.name}: ${(mock.rps / baseline.rps).toFixed(2)}× req/s`);
}
const strict = results[1]!;
/** RSS after many requests across many keys, answered in-process by the core (no sockets), with the default caps. */
async function memoryAfterLoad(requests: number, keys: number) {
  const mock = await createMock({
    log: () => {},
    rateLimit: 100_000_000,
    maxConcurrent: 100_000_000,
    balance: '100000000',
    stepMs: 1000,
  });
  const bodies = mix
    .filter(r => r.method === 'POST')
    .map(r => ({ path: r.path!, headers: r.headers as Record<string, string>, body: r.body as string }));
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    const pick = bodies[i % bodies.length]!;
    // Every request its own Idempotency-Key: the worst case for the idempotency store.
    const headers = {
      ...pick.headers,
      authorization: `Bearer mg_mem_${i % keys}`,
      'idempotency-key': `k${i}`,
    };
    const res = await mock.handle(
      new Request(`http://mock.local${pick.path}`, { method: 'POST', headers, body: pick.body }),
    );
    await res.arrayBuffer();
  }
  const ms = performance.now() - started;
  (globalThis as { gc?: () => void }).gc?.();
  const after = process.memoryUsage().rss;
  const sizes = mock.state.sizes();
  const kept = { accounts: sizes.accounts, jobs: sizes.jobs, records: sizes.idempotencyRecords };
  await mock.close();
  return { ms, before, after, kept };
}

const MiB = 1024 * 1024;
const m = await memoryAfterLoad(MEMORY_REQUESTS, MEMORY_KEYS);
console.log(
  `memory: ${MEMORY_REQUESTS} requests across ${MEMORY_KEYS} keys in ${(m.ms / 1000).toFixed(1)} s (${((m.ms * 1000) / MEMORY_REQUESTS).toFixed(0)} µs each): ` +
    `RSS ${(m.before / MiB).toFixed(0)} → ${(m.after / MiB).toFixed(0)} MiB; kept ${m.kept.accounts} accounts (cap ${DEFAULT_MAX_ACCOUNTS}), ` +
    `${m.kept.jobs} jobs (cap ${DEFAULT_MAX_JOBS}), ${m.kept.records} idempotency records (cap ${DEFAULT_MAX_IDEMPOTENCY_RECORDS})`,
);
const figures: Figure[] = results.slice(0, -1).flatMap(baseline => [
  {
    name: `req/s against ${baseline.name}`,
    value: mock.rps,
    unit: 'req/s',
    peer: { name: baseline.name, value: baseline.rps },
    ratio: mock.rps / baseline.rps,
    ...(baseline === strict
      ? { target: '≥ 1.0× plain Prism, in-process', met: mock.rps >= 1.0 * strict.rps }
      : {}),
  },
  {
    name: `p99 latency against ${baseline.name}`,
    value: mock.p99,
    unit: 'ms',
    peer: { name: baseline.name, value: baseline.p99 },
    ratio: mock.p99 / baseline.p99,
  },
  {
    name: `start-up against ${baseline.name}`,
    value: mock.startMs,
    unit: 'ms',
    peer: { name: baseline.name, value: baseline.startMs },
    ratio: mock.startMs / baseline.startMs,
  },
]);
figures.push({
  name: `RSS after ${MEMORY_REQUESTS} requests across ${MEMORY_KEYS} keys`,
  value: m.after / MiB,
  unit: 'MiB',
  peer: { name: 'RSS before', value: m.before / MiB },
  ratio: m.after / m.before,
});
await writeSection({
  id: '30-mock',
  title: 'Mock server against plain Prism',
  method:
    `The same bundle and the same stateful mix of ${mix.length} requests over several keys (lists, images, video jobs, a forced poll example, validation errors, balances, ` +
    `idempotent replays, an unknown model, a test key), autocannon with ${CONNECTIONS} connections for ${DURATION} s per server after ${WARMUP} s of warm-up; ` +
    'each server in its own process, output discarded. Start-up: from spawning the process to its "listening" line. ' +
    `Memory: ${MEMORY_REQUESTS} requests answered in-process across ${MEMORY_KEYS} keys, each with its own Idempotency-Key, with the default caps.`,
  command: 'npm run bench:mock',
  figures,
  notes: [
    ...results.map(
      r =>
        `${r.name}: ${r.errors} errors, ${r.non2xx} non-2xx answers (the mix expects some: validation errors, an unknown model, a test key).`,
    ),
    `kept after the memory run: ${m.kept.accounts} accounts (cap ${DEFAULT_MAX_ACCOUNTS}), ${m.kept.jobs} jobs (cap ${DEFAULT_MAX_JOBS}), ${m.kept.records} idempotency records (cap ${DEFAULT_MAX_IDEMPOTENCY_RECORDS})`,
  ],
  tools: {
    '@stoplight/prism-cli': await versionOf('@stoplight/prism-cli'),
    autocannon: await versionOf('autocannon'),
  },
});
// Errors fail the bench; a missed speed target is reported (BENCHMARKS.md), not failed: figures on a shared machine are noise.
process.exitCode = mock.errors === 0 ? 0 : 1;
await (
  await import('./proxy.ts')
).benchProxy({ mix, seconds: DURATION, connections: CONNECTIONS, mockArgs: UNLIMITED }); // the validating proxy against the mock directly
