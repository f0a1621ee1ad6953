// The attack's raw peer counts a connection the server resets as closed: the slow-headers probe
// once waited on events.once('close'), which rejects on the reset's error, so a loaded
// machine where the drip reached a closed socket saw "0/40 closed".
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { openPeer } from '../../scripts/attack/peers.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>(resolve => (server ? server.close(() => resolve()) : resolve())));

it('sees a reset connection as closed', async () => {
  // Resets each connection once it has read something, as a server cutting a dripping peer does.
  server = createServer(socket => socket.once('data', () => socket.resetAndDestroy()));
  await new Promise<void>(resolve => server!.listen(0, '127.0.0.1', resolve));
  const peer = await openPeer((server.address() as AddressInfo).port);
  let errored = false;
  peer.socket.on('error', () => (errored = true));
  peer.socket.write('GET / HTTP/1.1\r\n');
  await peer.closed;
  expect(errored).toBe(true);
  expect(peer.isClosed()).toBe(true);
});
