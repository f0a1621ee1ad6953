// Webhook deliveries in flight are capped: against a receiver that holds every
// request, no more than the cap are on the wire, the next ones wait in a bounded queue, and past the
// queue an attempt is recorded as not sent instead of holding one more socket.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { newWebhookSecret, WebhookSender } from '../../src/mock/webhooks.ts';
import { waitFor } from '../proxy/start.ts';

const held: ServerResponse[] = [];
let most = 0;
const receiver = createServer((req, res) => {
  req.resume();
  most = Math.max(most, held.push(res));
});
afterEach(
  () => new Promise<void>(resolve => (receiver.closeAllConnections(), receiver.close(() => resolve()))),
);

describe('webhook deliveries in flight', () => {
  it('are capped, the excess queued, past the queue not sent', async () => {
    await new Promise<void>(resolve => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const sender = new WebhookSender({
      secret: newWebhookSecret(),
      retryDelaysMs: [],
      maxDeliveriesInFlight: 2,
      maxDeliveriesQueued: 1,
    });
    const event = { type: 'video.generation.completed', data: {} };
    const sent = Array.from({ length: 5 }, () => sender.send(url, event));
    const refused = await Promise.all(sent.slice(3));
    expect(refused.map(d => [d.state, d.outcome])).toEqual([
      ['failed', 'not sent: 2 deliveries in flight and 1 waiting'],
      ['failed', 'not sent: 2 deliveries in flight and 1 waiting'],
    ]);
    await waitFor(() => held.length === 2, 'two deliveries held');
    for (const res of held.splice(0)) res.writeHead(204).end();
    await waitFor(() => held.length === 1, 'the queued delivery');
    held.shift()!.writeHead(204).end();
    expect((await Promise.all(sent.slice(0, 3))).map(d => d.state)).toEqual([
      'delivered',
      'delivered',
      'delivered',
    ]);
    expect(most).toBe(2);
    await sender.close();
  });

  it('a flood of queued deliveries adds no listener per delivery (no MaxListenersExceededWarning)', async () => {
    await new Promise<void>(resolve => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    const sender = new WebhookSender({
      secret: newWebhookSecret(),
      retryDelaysMs: [],
      maxDeliveriesInFlight: 2,
      maxDeliveriesQueued: 100,
    });
    const event = { type: 'video.generation.completed', data: {} };
    const sent = Array.from({ length: 40 }, () => sender.send(url, event));
    await waitFor(() => held.length === 2, 'two deliveries held, the rest queued');
    // Warnings are emitted on a later tick.
    await new Promise(resolve => setImmediate(resolve));
    await sender.close();
    await Promise.all(sent);
    process.off('warning', onWarning);
    expect(warnings.filter(w => w.startsWith('MaxListenersExceededWarning'))).toEqual([]);
    held.splice(0);
  });

  it('checks the caps when given, naming the option', () => {
    expect(() => new WebhookSender({ secret: newWebhookSecret(), maxDeliveriesInFlight: 0 })).toThrow(
      'maxDeliveriesInFlight must be a positive integer, got 0',
    );
  });
});
