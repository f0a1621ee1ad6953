// Taking an exchange down for the HAR report while the proxy handles it: the request when it comes in
// (its body teed, up to the buffer limit), the entry when the proxy has answered. Nothing is kept when
// no HAR is written.
import type { IncomingMessage } from 'node:http';
import type { ProxyContext } from './context.ts';
import { harEntry, type HarAnswer, type HarRequest, type HarVerdict } from './har.ts';
import type { Redact } from './redact.ts';

/** The request half, or undefined when no HAR is written. */
export function harRequest(ctx: ProxyContext, req: IncomingMessage): HarRequest | undefined {
  if (!ctx.har) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  // A second reader beside the pipe to the upstream; it stops keeping bytes past the limit.
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= ctx.maxBodyBytes) chunks.push(chunk);
  });
  return {
    started: Date.now(),
    method: (req.method ?? 'GET').toUpperCase(),
    url: `${ctx.label}${req.url ?? '/'}`,
    headers: req.headers,
    body: () => (size <= ctx.maxBodyBytes ? Buffer.concat(chunks) : undefined),
  };
}

/** A recorder of the exchange's entry for `request`; does nothing when no HAR is written. */
export const harNote =
  (ctx: ProxyContext, request: HarRequest | undefined, call: HarVerdict['call'], redact: Redact) =>
  (answer: HarAnswer, verdict: Omit<HarVerdict, 'call'> = {}) => {
    if (request && ctx.har) ctx.har(harEntry(request, answer, { call, ...verdict }, redact));
  };

/** The proxy's own error reply, as the HAR records it when the upstream gave no usable answer. */
export const ownReply = (sent: { status: number; requestId: string }): HarAnswer => ({
  status: sent.status,
  headers: { 'content-type': 'application/json', 'x-request-id': sent.requestId },
});
