// The probes on what a peer makes the servers hold: a webhook flood to a receiver that never
// answers (deliveries in flight stay under their cap) and a brotli bomb through the proxy (a 502,
// memory bounded).
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants, createBrotliCompress } from 'node:zlib';
import { DEFAULT_MAX_DELIVERIES_IN_FLIGHT } from '../../src/kernel/server-limits.ts';
import { startMockServer } from '../../src/mock/index.ts';
import { startProxy } from '../../src/proxy/index.ts';
import { mib, rssNow, waitUntil } from './peers.ts';
import type { ProbeResult } from './result.ts';
import type { AttackSettings } from './settings.ts';

async function listen(server: Server): Promise<string> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const stop = (server: Server) =>
  new Promise<void>(resolve => (server.closeAllConnections(), server.close(() => resolve())));

/** Jobs created at once by the flood. */
const FLOOD_BATCH = 100;

/** Jobs with a callback_url to a receiver that holds every request: at most the cap held at once. */
export async function webhookFlood(s: AttackSettings): Promise<ProbeResult> {
  // Only the requests still open count: one the mock gave up on (its timeout) frees its slot.
  const held = new Set<ServerResponse>();
  let most = 0;
  const receiver = createServer((req, res) => {
    req.resume();
    most = Math.max(most, held.add(res).size);
    res.on('close', () => held.delete(res));
  });
  const callback = `${await listen(receiver)}/hooks`;
  const mock = await startMockServer({
    ...{ port: 0, log: () => {}, stepMs: 1, jobSteps: 1, rateLimit: null, maxConcurrent: null },
    webhookRetryDelaysMs: [],
  });
  const rss = rssNow();
  const started = Date.now();
  const body = JSON.stringify({
    model: 'seedance-v1-pro',
    prompt: 'flood',
    duration: 5,
    callback_url: callback,
  });
  const create = (i: number) =>
    fetch(`${mock.url}/v2/videos/generations`, {
      method: 'POST',
      headers: { authorization: `Bearer sk_test_flood_${i}`, 'content-type': 'application/json' },
      body,
    }).then(async res => (await res.arrayBuffer(), res.status));
  // In batches under the connection cap: the flood is of deliveries, not of connections.
  const created: number[] = [];
  for (let i = 0; i < s.jobs; i += FLOOD_BATCH) {
    const batch = Array.from({ length: Math.min(FLOOD_BATCH, s.jobs - i) }, (_, j) => create(i + j));
    created.push(...(await Promise.all(batch)));
  }
  const expected = Math.min(s.jobs, DEFAULT_MAX_DELIVERIES_IN_FLIGHT);
  const reached = await waitUntil(() => held.size >= expected, s.timeoutMs * 10);
  // Past the cap more would arrive now if nothing held them back.
  await waitUntil(() => held.size > expected, s.timeoutMs);
  const ms = Date.now() - started;
  const rssDelta = rssNow() - rss;
  await mock.close();
  await stop(receiver);
  const accepted = created.filter(status => status === 202 || status === 200).length;
  return {
    name: 'webhook flood (mock)',
    held: reached && most <= DEFAULT_MAX_DELIVERIES_IN_FLIGHT,
    figures: `${accepted}/${s.jobs} jobs accepted, at most ${most} deliveries held at once (cap ${DEFAULT_MAX_DELIVERIES_IN_FLIGHT}) over ${ms} ms, RSS ${mib(rssDelta)}`,
  };
}

/** A models list padded to `bytes` with spaces, brotli-compressed as it is made (never whole). */
async function brotliBomb(bytes: number): Promise<Buffer> {
  const brotli = createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  const out: Buffer[] = [];
  brotli.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise(resolve => brotli.on('end', resolve));
  const spaces = Buffer.alloc(1024 * 1024, ' ');
  brotli.write('{"object":"list","data":[]');
  for (let sent = 0; sent < bytes; sent += spaces.length)
    if (!brotli.write(spaces)) await new Promise(resolve => brotli.once('drain', resolve));
  brotli.end('}');
  await done;
  return Buffer.concat(out);
}

/** A brotli bomb from the upstream: the proxy answers 502 and its memory stays bounded. */
export async function compressionBomb(s: AttackSettings): Promise<ProbeResult> {
  const bomb = await brotliBomb(s.bombBytes);
  const upstream = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' }).end(bomb),
  );
  const proxy = await startProxy({ upstream: await listen(upstream), port: 0, strict: true, log: () => {} });
  const rss = rssNow();
  let peak = rss;
  const sample = setInterval(() => (peak = Math.max(peak, rssNow())), 5);
  const started = Date.now();
  const res = await fetch(`${proxy.url}/v2/models`, { headers: { authorization: 'Bearer sk_test_bomb' } });
  await res.arrayBuffer();
  const ms = Date.now() - started;
  clearInterval(sample);
  await proxy.close();
  await stop(upstream);
  const delta = peak - rss;
  return {
    name: 'compression bomb (proxy)',
    held: res.status === 502 && delta < s.maxRssDeltaBytes,
    figures: `${bomb.length} bytes decoding to ${mib(s.bombBytes)}: ${res.status} in ${ms} ms, peak RSS ${mib(delta)} (limit ${mib(s.maxRssDeltaBytes)})`,
  };
}
