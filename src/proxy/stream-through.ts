// An answer too big for a JSON answer of this API: streamed through as it comes, unchecked, and said so.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Call } from './check.ts';
import type { ProxyContext } from './context.ts';
import { endToEnd } from './forward.ts';
import type { Redact } from './redact.ts';

export function streamThrough(
  ctx: ProxyContext,
  res: ServerResponse,
  call: Call,
  response: IncomingMessage,
  head: Buffer[],
  redact: Redact,
): void {
  ctx.log(
    redact(
      `${new Date().toISOString()} ${call.method.padEnd(6)} ${call.path} ${response.statusCode} not checked: body over ${ctx.maxBodyBytes} bytes`,
    ),
  );
  res.writeHead(response.statusCode ?? 502, endToEnd(response.headers));
  head.forEach(chunk => res.write(chunk));
  // A stream that stalls for the upstream timeout is cut rather than left hanging.
  const stalled = setTimeout(() => response.destroy(), ctx.timeoutMs);
  response.on('data', () => stalled.refresh());
  response.on('close', () => {
    clearTimeout(stalled);
    if (!response.complete) res.destroy();
  });
  response.pipe(res);
}
