// One request through the proxy: forwarded, then its answer checked and passed on, streamed through,
// or replaced when the upstream gave none; a control route of the mock is never forwarded. Whatever
// goes wrong, the caller gets an answer.
import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Call } from './check.ts';
import { answerChecked } from './checked-answer.ts';
import { isControlPath, refuseControl } from './control-paths.ts';
import type { ProxyContext } from './context.ts';
import { harNote, harRequest, ownReply } from './exchange.ts';
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
  const note = harNote(ctx, harRequest(ctx, req), call, redact);
  const answer = await forward(ctx.upstream, req, { timeoutMs, maxBodyBytes, signal: gone.signal });
  if (gone.signal.aborted || res.destroyed) return;
  if (answer.kind === 'failed') {
    const sent = failUpstream(ctx, res, call, answer.failure, answer.detail, redact);
    const { failure, detail } = answer;
    return note(ownReply(sent), { failure: { failure, detail, requestId: sent.requestId } });
  }
  if (answer.kind === 'too_large') {
    streamThrough(ctx, res, call, answer.response, answer.head, redact);
    const { statusCode, headers } = answer.response;
    return note({ status: statusCode ?? 502, headers }, { unchecked: `body over ${maxBodyBytes} bytes` });
  }
  if (isPreflight(call.method, req.headers)) {
    passThrough(res, call.method, answer);
    return note({ ...answer, text: answer.body.toString('utf8') }, { unchecked: 'CORS preflight' });
  }
  const { text, ...verdict } = answerChecked(ctx, res, call, answer, redact);
  note({ ...answer, text }, verdict);
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
