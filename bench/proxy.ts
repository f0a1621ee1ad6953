// The validating proxy's cost: requests per second and p50/p99 latency through the proxy in front
// of the mock against the mock directly, in one run, on the same mix (bench/mock.ts calls this).
// Mock and proxy each run in their own process. Target: through the proxy ≥ 0.7 × direct.
import autocannon from 'autocannon';
import { freePort, startChild } from './child.ts';
import { writeSection } from './results.ts';

export interface ProxyBenchOptions {
  mix: autocannon.Request[];
  seconds: number;
  connections: number;
  /** The mock's options, as in the mock bench (its limits set out of the way). */
  mockArgs: string[];
}

const TARGET = 0.7;

function load(url: string, seconds: number, options: ProxyBenchOptions) {
  return autocannon({ url, connections: options.connections, duration: seconds, requests: options.mix });
}

export async function benchProxy(options: ProxyBenchOptions): Promise<void> {
  const mockPort = await freePort();
  const mock = await startChild('mock', [
    '--import',
    'tsx',
    'src/mock/cli.ts',
    '--port',
    String(mockPort),
    '--quiet',
    ...options.mockArgs,
  ]);
  const proxyPort = await freePort();
  const proxy = await startChild('proxy', [
    '--import',
    'tsx',
    'src/contract/cli.ts',
    'proxy',
    `http://127.0.0.1:${mockPort}`,
    '--port',
    String(proxyPort),
  ]);
  const rows: { name: string; rps: number; p50: number; p99: number; errors: number }[] = [];
  let summary = '';
  try {
    const targets = [
      { name: 'mock, direct', url: `http://127.0.0.1:${mockPort}` },
      { name: 'mock through the proxy', url: `http://127.0.0.1:${proxyPort}` },
    ];
    for (const t of targets) await load(t.url, 1, options); // warm-up: JIT, Ajv, keep-alive sockets
    for (const t of targets) {
      const r = await load(t.url, options.seconds, options);
      rows.push({
        name: t.name,
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.timeouts,
      });
    }
  } finally {
    summary =
      (await proxy.stop()).split('\n').find(line => line.startsWith('Proxy summary')) ??
      'Proxy summary: not printed';
    await mock.stop();
  }
  const [direct, proxied] = rows as [(typeof rows)[0], (typeof rows)[0]];
  const ratio = proxied.rps / direct.rps;
  console.log(`\nValidating proxy: ${options.connections} connections, ${options.seconds} s each, same mix`);
  console.log('server                            req/s     p50 ms   p99 ms   errors');
  for (const r of rows)
    console.log(
      `${r.name.padEnd(33)} ${r.rps.toFixed(0).padStart(6)}   ${String(r.p50).padStart(6)}   ${String(r.p99).padStart(6)}   ${r.errors}`,
    );
  console.log(`proxy / direct: ${ratio.toFixed(2)}× req/s (target ≥ ${TARGET})`);
  console.log(summary);
  await writeSection({
    id: '35-proxy',
    title: 'Validating proxy in front of the mock against the mock directly',
    method: `The mock's mix, autocannon with ${options.connections} connections for ${options.seconds} s per target after 1 s of warm-up; mock and proxy each in their own process.`,
    command: 'npm run bench:mock',
    figures: [
      {
        name: 'req/s through the proxy',
        value: proxied.rps,
        unit: 'req/s',
        peer: { name: 'the mock directly', value: direct.rps },
        ratio,
        target: `≥ ${TARGET}× direct`,
        met: ratio >= TARGET,
      },
      {
        name: 'p50 latency through the proxy',
        value: proxied.p50,
        unit: 'ms',
        peer: { name: 'the mock directly', value: direct.p50 },
        ratio: proxied.p50 / direct.p50,
      },
      {
        name: 'p99 latency through the proxy',
        value: proxied.p99,
        unit: 'ms',
        peer: { name: 'the mock directly', value: direct.p99 },
        ratio: proxied.p99 / direct.p99,
      },
    ],
    notes: [summary],
  });
  // Errors or a contract violation fail the bench; a missed speed target is reported, not failed.
  if (proxied.errors > 0 || !/ 0 broke the contract/.test(summary)) process.exitCode = 1;
}
