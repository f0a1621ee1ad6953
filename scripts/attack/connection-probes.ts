// The probes on connections: idle sockets and slow headers get closed by the timeouts, sockets over
// the cap are closed while the server keeps answering, and malformed HTTP gets the contract's 400.
import { answers, answersWithin, mib, openPeer, rssNow, waitUntil, type Peer } from './peers.ts';
import type { ProbeResult, Target } from './result.ts';
import type { AttackSettings } from './settings.ts';

const openMany = (port: number, count: number) =>
  Promise.all(Array.from({ length: count }, () => openPeer(port)));
const closedCount = (peers: Peer[]) => peers.filter(p => p.isClosed()).length;

/** N sockets that send nothing: all closed by the timeouts, and a fresh client still answered. */
export async function idleConnections(target: Target, s: AttackSettings): Promise<ProbeResult> {
  const rss = rssNow();
  const started = Date.now();
  const peers = await openMany(target.port, s.sockets);
  const allClosed = await waitUntil(() => closedCount(peers) === peers.length, s.timeoutMs * 4 + 1000);
  const ms = Date.now() - started;
  const fresh = await answers(target.url);
  for (const p of peers) p.socket.destroy();
  return {
    name: `idle connections (${target.label})`,
    held: allClosed && fresh,
    figures: `${closedCount(peers)}/${peers.length} closed in ${ms} ms, fresh client answered: ${fresh}, RSS ${mib(rssNow() - rss)}`,
  };
}

/** Slowloris: N sockets trickle one header line at a time; the headers timeout closes them all. */
export async function slowHeaders(target: Target, s: AttackSettings): Promise<ProbeResult> {
  const started = Date.now();
  const peers = await openMany(target.port, s.sockets);
  for (const p of peers) p.socket.write('GET /v2/models HTTP/1.1\r\nHost: attack.test\r\n');
  // Eight times per idle timeout, so it never fires: only the headers timeout can close them.
  const drip = setInterval(() => {
    for (const p of peers) if (!p.isClosed()) p.socket.write('X-Drip: 1\r\n');
  }, s.timeoutMs / 4);
  const allClosed = await waitUntil(() => closedCount(peers) === peers.length, s.timeoutMs * 4 + 1000);
  clearInterval(drip);
  const ms = Date.now() - started;
  const fresh = await answers(target.url);
  for (const p of peers) p.socket.destroy();
  return {
    name: `slow headers (${target.label})`,
    held: allClosed && fresh,
    figures: `${closedCount(peers)}/${peers.length} closed in ${ms} ms, fresh client answered: ${fresh}`,
  };
}

/** Cap + extra sockets: the extra ones are closed at once, one within the cap is still answered. */
export async function connectionCap(target: Target, s: AttackSettings): Promise<ProbeResult> {
  const rss = rssNow();
  const peers: Peer[] = [];
  for (let i = 0; i < s.maxConnections + s.extra; i++) peers.push(await openPeer(target.port));
  const overClosed = await waitUntil(() => closedCount(peers) >= s.extra, s.timeoutMs);
  const within = peers.find(p => !p.isClosed());
  within?.socket.write('GET /v2/models HTTP/1.1\r\nHost: attack.test\r\nConnection: close\r\n\r\n');
  const served = await waitUntil(() => within?.text().startsWith('HTTP/1.1 ') ?? false, s.timeoutMs);
  const closed = closedCount(peers);
  for (const p of peers) p.socket.destroy();
  // The server frees the slots as it sees the closes: a fresh client may need a few tries.
  const fresh = await answersWithin(target.url, s.timeoutMs * 2);
  return {
    name: `connection cap (${target.label})`,
    held: overClosed && served && fresh,
    figures: `${peers.length} opened, cap ${s.maxConnections}, ${closed} closed at once, one within the cap answered: ${served}, fresh client afterwards: ${fresh}, RSS ${mib(rssNow() - rss)}`,
  };
}

/** A NUL in a header: a 400 with the contract's envelope and an X-Request-Id. */
export async function malformedHttp(target: Target, s: AttackSettings): Promise<ProbeResult> {
  const peer = await openPeer(target.port);
  peer.socket.write('GET /v2/models HTTP/1.1\r\nHost: attack.test\r\nX-A: a\0b\r\n\r\n');
  await waitUntil(() => peer.isClosed(), s.timeoutMs * 4);
  peer.socket.destroy();
  const [head = '', body = ''] = peer.text().split('\r\n\r\n');
  const status = Number(head.split(' ')[1]);
  const requestId = /^x-request-id: *(\S+)/im.exec(head)?.[1];
  let code: unknown;
  try {
    code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
  } catch {
    code = undefined;
  }
  return {
    name: `malformed HTTP (${target.label})`,
    held: status === 400 && requestId !== undefined && code === 'invalid_parameter',
    figures: `status ${status}, code ${String(code)}, X-Request-Id ${requestId ?? 'missing'}`,
  };
}
