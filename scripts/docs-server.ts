// A small static file server for the built docs: used by `npm run docs:preview` and the browser tests.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.yaml': 'application/yaml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.css': 'text/css',
  '.js': 'text/javascript',
};

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, { host = '127.0.0.1', port = 0 } = {}): Promise<StaticServer> {
  const base = normalize(dir + sep);
  const server = createServer(async (req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(base, path));
    // No escaping the served folder with `..`.
    if (!file.startsWith(base) && file + sep !== base) {
      res.writeHead(403).end();
      return;
    }
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) file = join(file, 'index.html');
    const found = info?.isDirectory() ? await stat(file).catch(() => undefined) : info;
    if (!found?.isFile() || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res
        .writeHead(found ? 405 : 404, { 'content-type': 'text/plain' })
        .end(found ? 'method not allowed\n' : 'not found\n');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': found.size,
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${bound}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close(err => (err ? reject(err) : resolve()));
      }),
  };
}
