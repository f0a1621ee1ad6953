// The mock as an HTTP server: node:http in front of the mock's core (core.ts), which answers a fetch
// Request with a Response. This module only converts between the two, and turns a transport fault
// (a Response.error()) into a cut connection.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './body.ts';
import { createMock, type Mock, type MockOptions } from './core.ts';
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

const NO_BODY = new Set(['GET', 'HEAD']);

/** The fetch Request for a node request whose body was read (at most `limit` bytes kept). */
function toRequest(req: IncomingMessage, base: string, bytes: Buffer | undefined, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const method = (req.method ?? 'GET').toUpperCase();
  const withBody = !NO_BODY.has(method) && bytes !== undefined && bytes.length > 0;
  return new Request(base + (req.url ?? '/'), { method, headers, signal, ...(withBody ? { body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) as Uint8Array<ArrayBuffer> } : {}) });
}

async function send(response: Response, res: ServerResponse) {
  if (response.type === 'error') return void res.destroy();
  const text = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  res.writeHead(response.status, { ...headers, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startMockServer(options: MockOptions = {}): Promise<MockServer> {
  const mock = await createMock(options);
  const limit = mock.limits.request;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    try {
      const read = await readBody(req, limit);
      const request = toRequest(req, 'http://mock.local', read.kind === 'ok' ? read.bytes : undefined, gone.signal);
      const response = await mock.handle(request, { remoteAddress: req.socket.remoteAddress, bodyTooLarge: read.kind === 'too_large' });
      if (!res.destroyed) await send(response, res);
    } catch {
      // Never leave a request unanswered, whatever went wrong above.
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'The mock failed to answer this request.', type: 'server_error', code: 'server_error', param: null } }));
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

// The package's `./mock` entry: the server, the core and the in-process fetch (MSW lives in `./mock/msw`).
export { createMock, type Mock, type RequestContext } from './core.ts';
export { createMockFetch, type MockFetch } from './fetch.ts';
