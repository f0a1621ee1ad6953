// A local HTTP server the tests script reply by reply: 127.0.0.1, port 0, closed by the caller.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Date.now() on arrival: the fake clock when the test fakes Date. */
  at: number;
}

export interface Reply {
  status?: number;
  /** Merged over `content-type: application/json` and an `x-request-id`; `null` removes a header. */
  headers?: Record<string, string | null>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  /** Close the socket without answering. */
  destroy?: boolean;
  /** Never answer (until the server closes). */
  hang?: boolean;
}

export type Handler = (request: Recorded, index: number) => Reply;

export async function startServer() {
  const requests: Recorded[] = [];
  let handler: Handler = () => ({ status: 500, body: 'no handler' });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: Recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
        at: Date.now(),
      };
      requests.push(rec);
      const reply = handler(rec, requests.length - 1);
      if (reply.destroy) return void req.socket.destroy();
      if (reply.hang) return;
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-request-id': `req_test_${requests.length}`,
      };
      for (const [k, v] of Object.entries(reply.headers ?? {})) {
        if (v === null) delete headers[k];
        else headers[k] = v;
      }
      const body =
        reply.body === undefined
          ? ''
          : typeof reply.body === 'string'
            ? reply.body
            : JSON.stringify(reply.body);
      res.writeHead(reply.status ?? 200, headers);
      res.end(body);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Sets how the next requests are answered and forgets the recorded ones. */
    reply(next: Handler | Reply | Reply[]) {
      requests.length = 0;
      handler =
        typeof next === 'function'
          ? next
          : Array.isArray(next)
            ? (_r, i) => next[Math.min(i, next.length - 1)]!
            : () => next;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type TestServer = Awaited<ReturnType<typeof startServer>>;
