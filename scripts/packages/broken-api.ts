// A server that answers in the contract's shapes (its named examples) but breaks the contract's
// workflows: it charges each image more than its usage.total_cost, charges an idempotent replay
// again, and never finishes a video. The workflows must fail against it under both runners:
// test/contract/workflows.test.ts (the suite's) and test:packages (`redocly respect`). Below it, a
// server that answers everything 200 `{}`, for the contract CLI to fail.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requireOperation, type Contract } from '../../src/kernel/contract.ts';

/** What it charges on top of an image's usage.total_cost, in micro-units. */
const OVERCHARGE_MICRO = 10_000;

export async function startBrokenApi(contract: Contract): Promise<{ url: string; close(): Promise<void> }> {
  const example = (op: string, status: number, name: string) =>
    requireOperation(contract, op).responses.find(r => r.status === status)!.examples[name];
  const image = example('generateImage', 200, 'image_completed') as { usage: { total_cost: number } };
  let balanceMicro = 100_000_000;
  const seen = new Set<string>();
  const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    res
      .writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_broken', ...headers })
      .end(JSON.stringify(body));
  const server = createServer((req, res) => {
    req.resume();
    const url = req.url ?? '';
    if (url === '/v2/billing/balance')
      return reply(res, 200, { balance: balanceMicro / 1e6, currency: 'USD' });
    if (url === '/v2/images/generations') {
      balanceMicro -= Math.round(image.usage.total_cost * 1e6) + OVERCHARGE_MICRO; // a replay too
      const key = String(req.headers['idempotency-key']);
      const replayed = seen.has(key);
      seen.add(key);
      return reply(res, 200, image, replayed ? { 'idempotent-replayed': 'true' } : {});
    }
    if (url === '/v2/videos/generations')
      return reply(res, 202, example('createVideoGeneration', 202, 'video_created'));
    return reply(res, 200, example('getVideoGeneration', 200, 'processing')); // never finishes
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A server that answers every request 200 `{}`: the suite must fail it (its X-Request-Id passes
 * the probe). */
export async function startBrokenServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_broken' }).end('{}');
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
