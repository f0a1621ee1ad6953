// `npm run attack [-- --tiny]`: turns the resource set on the mock and the proxy in front of it, both
// in-process on 127.0.0.1 port 0, and prints `held` or `broke` with the figures for each probe;
// exits non-zero if any broke. The counts and limits are in scripts/attack/settings.ts.
import { startMockServer } from '../src/mock/index.ts';
import { startProxy } from '../src/proxy/index.ts';
import { connectionCap, idleConnections, malformedHttp, slowHeaders } from './attack/connection-probes.ts';
import { compressionBomb, webhookFlood } from './attack/payload-probes.ts';
import type { ProbeResult, Target } from './attack/result.ts';
import { settingsFor, type AttackSettings } from './attack/settings.ts';

/** Each connection probe against `target`, one after the other so their figures stay apart. */
async function connectionProbes(target: Target, s: AttackSettings): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  for (const probe of [idleConnections, slowHeaders, connectionCap, malformedHttp])
    results.push(report(await probe(target, s)));
  return results;
}

function report(result: ProbeResult): ProbeResult {
  console.log(`${result.held ? 'held ' : 'broke'}  ${result.name}: ${result.figures}`);
  return result;
}

async function main(s: AttackSettings): Promise<boolean> {
  // The idle timeout is twice the headers timeout, so that a drip the loaded machine delays still
  // holds it off and the slow-headers probe measures the headers timeout alone.
  const serverLimits = {
    headersTimeoutMs: s.timeoutMs,
    idleTimeoutMs: s.timeoutMs * 2,
    keepAliveTimeoutMs: s.timeoutMs,
    maxConnections: s.maxConnections,
  };
  const mock = await startMockServer({ port: 0, log: () => {}, serverLimits });
  // The proxy must give up on the upstream before its own idle timeout closes the caller.
  const proxy = await startProxy({
    ...{ upstream: mock.url, port: 0, log: () => {}, serverLimits },
    upstreamTimeoutMs: Math.floor(s.timeoutMs / 2),
  });
  const results: ProbeResult[] = [];
  try {
    results.push(...(await connectionProbes({ label: 'mock', url: mock.url, port: mock.port }, s)));
    results.push(...(await connectionProbes({ label: 'proxy', url: proxy.url, port: proxy.port }, s)));
  } finally {
    await proxy.close();
    await mock.close();
  }
  results.push(report(await webhookFlood(s)));
  results.push(report(await compressionBomb(s)));
  const broke = results.filter(r => !r.held).length;
  console.log(broke === 0 ? `all ${results.length} held` : `${broke} of ${results.length} broke`);
  return broke === 0;
}

main(settingsFor(process.argv.slice(2))).then(
  ok => process.exit(ok ? 0 : 1),
  (error: Error) => (console.error(error.message), process.exit(2)),
);
