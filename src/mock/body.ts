// Reads a request body without ever holding more than `limit` bytes: past it the rest is drained
// and the caller answers 413.
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

/** `application/json`, with or without parameters, or any `+json` type. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}
