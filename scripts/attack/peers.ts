// Raw sockets for the attack: a peer that is not a well-behaved HTTP client, what it received, and
// waits on conditions with a deadline (never a fixed sleep).
import { connect, type Socket } from 'node:net';

export interface Peer {
  socket: Socket;
  text(): string;
  closed: Promise<void>;
  isClosed(): boolean;
}

export async function openPeer(port: number): Promise<Peer> {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  let closedYet = false;
  socket.on('data', chunk => (received += chunk.toString('latin1')));
  socket.on('error', () => {});
  // Not events.once: it rejects on 'error', and a server that cuts a peer still writing resets the
  // connection (an error, then 'close'); the peer is closed either way.
  const closed = new Promise<void>(resolve => socket.once('close', () => ((closedYet = true), resolve())));
  await Promise.race([new Promise(resolve => socket.once('connect', resolve)), closed]);
  return { socket, text: () => received, closed, isClosed: () => closedYet };
}

/** Resolves true once `condition` holds, false at the deadline; checks every 10 ms. */
export async function waitUntil(condition: () => boolean, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise(wake => setTimeout(wake, 10));
  }
  return true;
}

/** True when a fresh client gets an HTTP answer from `url` (any status). */
export async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/v2/models`, { headers: { authorization: 'Bearer sk_test_attack' } });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/** True once a fresh client gets an answer from `url`, trying until `deadlineMs`. */
export async function answersWithin(url: string, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (!(await answers(url))) {
    if (Date.now() > end) return false;
    await new Promise(wake => setTimeout(wake, 10));
  }
  return true;
}

export const rssNow = () => process.memoryUsage().rss;
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
