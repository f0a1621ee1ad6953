// Reads a request body without ever holding more than `limit` bytes, nor more than the bytes in
// flight across requests allow: past either the rest is drained, and the core answers 413 or the
// adapter a 503.
import type { IncomingMessage } from 'node:http';

export type ReadBody =
  | { kind: 'ok'; bytes: Buffer }
  | { kind: 'too_large'; received: number }
  | { kind: 'busy'; received: number };

/** Body bytes held by all requests being read or answered; a request over the rest is refused. */
export class BodyBudget {
  private held = 0;
  constructor(readonly max: number) {}

  /** Takes `bytes` if they fit under the cap. */
  take(bytes: number): boolean {
    if (this.held + bytes > this.max) return false;
    this.held += bytes;
    return true;
  }

  release(bytes: number): void {
    this.held -= bytes;
  }
}

/** The body of `req`; the bytes it holds stay taken from `budget` until `release` is called. */
export function readBody(
  req: IncomingMessage,
  limit: number,
  budget: BodyBudget,
): { read: Promise<ReadBody>; release: () => void } {
  let taken = 0;
  const release = () => (budget.release(taken), (taken = 0));
  const read = new Promise<ReadBody>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let refused: 'too_large' | 'busy' | undefined;
    const drop = (why: 'too_large' | 'busy') => ((refused ??= why), (chunks.length = 0), release());
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (refused) return;
      if (received > limit) drop('too_large');
      else if (!budget.take(chunk.length)) drop('busy');
      else ((taken += chunk.length), chunks.push(chunk));
    });
    req.on('end', () =>
      resolve(refused ? { kind: refused, received } : { kind: 'ok', bytes: Buffer.concat(chunks) }),
    );
    req.on('error', reject);
  });
  return { read, release };
}
