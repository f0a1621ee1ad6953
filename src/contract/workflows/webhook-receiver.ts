// The suite's webhook receiver: a server on 127.0.0.1, port 0, that keeps the deliveries it is sent
// (each body up to a cap, so a flood cannot grow it) and answers 204.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  /** The first delivery, or an Error once `timeoutMs` passed without one. */
  first(timeoutMs: number): Promise<ReceivedDelivery>;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1 << 20;

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let deliver: (d: ReceivedDelivery) => void = () => {};
  const received = new Promise<ReceivedDelivery>(resolve => (deliver = resolve));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return res.writeHead(413).end();
      deliver({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    first: timeoutMs => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no delivery within ${timeoutMs} ms`)), timeoutMs);
      });
      return Promise.race([received, late]).finally(() => clearTimeout(timer));
    },
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
