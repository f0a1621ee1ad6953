// The mock as an HTTP server: node:http in front of the mock's core (core.ts). It hands the core the
// request in plain values (`respond`, what the core's fetch `handle` calls too, minus the Request
// and Response objects) and writes the answer, or cuts the connection on a transport fault.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lowerCaseHeaders } from '../kernel/index.ts';
import { readBody } from './body.ts';
import { createMock, type Mock, type MockOptions, type MockOutput } from './core.ts';
import type { JobStore } from './jobs.ts';

export type { MockOptions } from './core.ts';

export interface MockServer {
  url: string;
  port: number;
  webhookSecret: string;
  jobs: JobStore;
  /** The core the server answers with; its `state` is what the control routes change. */
  mock: Mock;
  close(): Promise<void>;
}

/** Writes the core's answer, or cuts the connection on a transport fault. */
function send(out: MockOutput, res: ServerResponse) {
  if (out.kind === 'transport_fault') return void res.destroy();
  res.writeHead(out.status, {
    ...out.headers,
    ...(out.body !== null ? { 'content-length': Buffer.byteLength(out.body) } : {}),
  });
  res.end(out.body ?? undefined);
}

/** The mock on a port; the options and fields other code relies on are kept from before the core. */
export async function startMockServer(options: MockOptions = {}): Promise<MockServer> {
  const mock = await createMock(options);
  const limit = mock.limits.request;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // Only a stalled answer needs to know that the client gave up; the signal is made for it alone.
    let gone: AbortController | undefined;
    res.on('close', () => gone?.abort());
    try {
      const read = await readBody(req, limit);
      const out = await mock.respond({
        method: req.method ?? 'GET',
        target: req.url ?? '/',
        headers: lowerCaseHeaders(req.headers),
        bytes: read.kind === 'ok' ? read.bytes : undefined,
        bodyTooLarge: read.kind === 'too_large',
        ...(req.socket.remoteAddress !== undefined ? { remoteAddress: req.socket.remoteAddress } : {}),
        get signal() {
          gone ??= new AbortController();
          if (res.destroyed) gone.abort();
          return gone.signal;
        },
      });
      if (!res.destroyed) send(out, res);
    } catch {
      // Never leave a request unanswered, whatever went wrong above.
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: {
              message: 'The mock failed to answer this request.',
              type: 'server_error',
              code: 'server_error',
              param: null,
            },
          }),
        );
      } else res.destroy();
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    webhookSecret: mock.webhookSecret,
    jobs: mock.state.jobs,
    mock,
    async close() {
      const closed = new Promise<void>(resolve => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([closed, mock.close()]);
    },
  };
}
