// Reads a request body without ever holding more than `limit` bytes: past it the rest is drained
// and the core answers 413.
import type { IncomingMessage } from 'node:http';

export type ReadBody = { kind: 'ok'; bytes: Buffer } | { kind: 'too_large'; received: number };

export function readBody(req: IncomingMessage, limit: number): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () =>
      resolve(
        received > limit ? { kind: 'too_large', received } : { kind: 'ok', bytes: Buffer.concat(chunks) },
      ),
    );
    req.on('error', reject);
  });
}
