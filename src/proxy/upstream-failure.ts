// An upstream that gives no usable answer (unreachable, too slow, cut off, not JSON): the caller gets
// a contract-valid 502 (504 for a timeout) naming the upstream, and the failure is logged and reported.
import type { ServerResponse } from 'node:http';
import { operationOf, type Call } from './check.ts';
import { record, type ProxyContext } from './context.ts';
import { failureFinding, type Failure } from './findings.ts';
import type { Redact } from './redact.ts';
import { replyError } from './reply.ts';

/** What the caller is told, naming the upstream as it may be printed. */
function messageOf(ctx: ProxyContext, failure: Failure, detail: string, upstreamStatus?: number): string {
  const { label } = ctx;
  return {
    unreachable: `The upstream ${label} could not be reached (${detail}).`,
    timeout: `The upstream ${label} did not answer within ${ctx.timeoutMs} ms.`,
    cut: `The upstream ${label} closed the connection before its answer was complete.`,
    unreadable: `The upstream ${label} answered ${upstreamStatus} with a body the proxy cannot read as JSON.`,
    oversized: `The upstream ${label} answered ${upstreamStatus} with a body over ${ctx.maxDecodedBytes} bytes decoded.`,
  }[failure];
}

export function failUpstream(
  ctx: ProxyContext,
  res: ServerResponse,
  call: Call,
  failure: Failure,
  detail: string,
  redact: Redact,
  upstreamStatus?: number,
): { status: number; requestId: string } {
  const message = redact(messageOf(ctx, failure, detail, upstreamStatus));
  const sent = replyError(res, failure === 'timeout' ? 'gateway_timeout' : 'bad_gateway', message);
  const operation = operationOf(ctx.validator, call);
  record(
    ctx,
    failureFinding(call, operation, failure, detail, upstreamStatus ?? sent.status, sent.requestId),
    redact,
  );
  return sent;
}
