// One request through the proxy: forwarded, then its answer checked and passed on, streamed through,
// or replaced when the upstream gave none; a control route of the mock is never forwarded. Whatever
// goes wrong, the caller gets an answer.
import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Call } from './check.ts';
import { answerChecked } from './checked-answer.ts';
import { isControlPath, refuseControl } from './control-paths.ts';
import type { ProxyContext } from './context.ts';
import { forward } from './forward.ts';
import { credentialsOf, redactor } from './redact.ts';
import { passThrough, replyError } from './reply.ts';
import { streamThrough } from './stream-through.ts';
import { failUpstream } from './upstream-failure.ts';

/** A browser's CORS preflight is not an API call: it is forwarded and its answer not checked. */
const isPreflight = (method: string, headers: IncomingHttpHeaders) =>
  method === 'OPTIONS' && headers['access-control-request-method'] !== undefined;

async function handle(ctx: ProxyContext, req: IncomingMessage, res: ServerResponse) {
  const call: Call = { method: (req.method ?? 'GET').toUpperCase(), path: (req.url ?? '/').split('?')[0]! };
  const redact = redactor(credentialsOf(req.headers, req.url));
  if (isControlPath(call.path)) return refuseControl(res, call, line => ctx.log(redact(line)));
  const gone = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  const { timeoutMs, maxBodyBytes } = ctx;
  const answer = await forward(ctx.upstream, req, { timeoutMs, maxBodyBytes, signal: gone.signal });
  if (gone.signal.aborted || res.destroyed) return;
  if (answer.kind === 'failed') return failUpstream(ctx, res, call, answer.failure, answer.detail, redact);
  if (answer.kind === 'too_large') return streamThrough(ctx, res, call, answer.response, answer.head, redact);
  if (isPreflight(call.method, req.headers)) return passThrough(res, call.method, answer);
  answerChecked(ctx, res, call, answer, redact);
}

/** The server's request listener over `ctx`. */
export function requestHandler(ctx: ProxyContext): RequestListener {
  return (req, res) => {
    handle(ctx, req, res).catch((error: Error) => {
      // Never leave a request unanswered, whatever went wrong above.
      const redact = redactor(credentialsOf(req.headers, req.url));
      ctx.log(redact(`proxy: ${req.method} ${(req.url ?? '/').split('?')[0]} failed: ${error.message}`));
      if (!res.headersSent) replyError(res, 'bad_gateway', 'The proxy failed to handle this request.');
      else res.destroy();
    });
  };
}
