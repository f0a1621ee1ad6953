// A complete upstream answer: checked against the contract, every finding reported, then passed on
// as it was or (strict mode, when it breaks the contract) replaced by a 502 naming the violations.
import type { ServerResponse } from 'node:http';
import type { Violation } from '../contract/index.ts';
import { checkAnswer, type Answer, type Call } from './check.ts';
import { record, type ProxyContext } from './context.ts';
import { endToEnd } from './forward.ts';
import type { Redact } from './redact.ts';
import { findingsOf } from './findings.ts';
import type { HarFailure } from './har.ts';
import { passThrough, replyError } from './reply.ts';
import { failUpstream } from './upstream-failure.ts';

/** The message of a strict-mode 502: the violations, each `where: message`, at most ten. */
function describeViolations(status: number, requestId: string, violations: Violation[]): string {
  const listed = violations.slice(0, 10).map(v => `${v.where}: ${v.message}`);
  const more = violations.length > 10 ? `; and ${violations.length - 10} more` : '';
  return `The upstream's answer (${status}, ${requestId}) breaks the contract: ${listed.join('; ')}${more}.`;
}

/** Checks, reports and answers; hands back what a HAR records: the decoded body, the failure if any. */
export function answerChecked(
  ctx: ProxyContext,
  res: ServerResponse,
  call: Call,
  answer: Answer,
  redact: Redact,
): { text?: string; failure?: HarFailure; replaced?: boolean } {
  const checked = checkAnswer(ctx.validator, call, answer, redact, ctx.maxDecodedBytes);
  const { text } = checked;
  if (checked.unreadable) {
    const failure = checked.overLimit ? 'oversized' : 'unreadable';
    const sent = failUpstream(ctx, res, call, failure, checked.unreadable, redact, answer.status);
    return { text, failure: { failure, detail: checked.unreadable, requestId: sent.requestId } };
  }
  const replace = ctx.strict && checked.violations.length > 0;
  ctx.report.countChecked(checked.violations.length > 0);
  for (const finding of findingsOf(call, answer.status, checked, replace ? 'replaced' : 'passed'))
    record(ctx, finding, redact);
  if (!replace) return (passThrough(res, call.method, answer), { text });
  // The caller's browser still needs the upstream's CORS headers to read the 502.
  const cors = Object.fromEntries(
    Object.entries(endToEnd(answer.headers)).filter(([name]) => name.startsWith('access-control-')),
  );
  const message = describeViolations(answer.status, checked.requestId, checked.violations);
  replyError(res, 'bad_gateway', redact(message), cors);
  return { text, replaced: true };
}
