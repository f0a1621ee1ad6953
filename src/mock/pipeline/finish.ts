// Stage 11, finishing the envelope, once for every answer: the request id (in the header and in an
// error body), the CORS headers, X-Mock-Warning from every stage's warnings, the X-RateLimit-*
// headers of the key's window, the content type, and the log line. A transport fault is logged and
// left to the adapter (after a stall, once the caller gives up or the mock closes).
import { errorBody } from '../../kernel/error-body.ts';
import { isObject } from '../../kernel/index.ts';
import { headerSafe, type Answer } from '../answer.ts';
import { rateHeaders } from '../limits.ts';
import { formatRequestLine } from '../log.ts';
import type { MockOutput } from '../types.ts';
import type { Call } from './call.ts';
import type { Core } from './core.ts';
import { CORS_HEADERS } from './cors.ts';

/** A stalled answer never comes: it waits until the caller gives up or the mock closes. */
async function stall(signal: AbortSignal | undefined, closing: AbortSignal): Promise<void> {
  const ended = signal ? AbortSignal.any([signal, closing]) : closing;
  if (ended.aborted) return;
  await new Promise(resolve => ended.addEventListener('abort', resolve, { once: true }));
}

/** The body to send: an error built into the contract's envelope, or a copy of an example's with this request's id. */
function bodyOf(answer: Answer, requestId: string): unknown {
  if (answer.error) return errorBody(answer.error, requestId);
  const body = answer.body;
  if (answer.status < 400 || answer.note === 'control' || !isObject(body) || !isObject(body.error))
    return body;
  return { ...body, error: { ...body.error, request_id: requestId } };
}

function headersOf(core: Core, call: Call, answer: Answer): Record<string, string> {
  const { rate } = call;
  const limited = rate && (core.settings.rateLimit !== null || answer.status === 429);
  return {
    // X-RateLimit-* count down on every answer to a key; with no limit, only a 429 carries them (the contract requires it).
    ...(limited ? rateHeaders(rate) : {}),
    ...(call.warnings.length ? { 'x-mock-warning': headerSafe(call.warnings.join('; ')) } : {}),
    ...answer.headers,
    'x-request-id': call.requestId,
    ...CORS_HEADERS,
    'content-type': 'application/json',
  };
}

/** The call's line in the log. */
function logLine(core: Core, call: Call, status: number, note: string | undefined) {
  const { method, path, requestId } = call;
  const ms = performance.now() - call.started;
  core.log(formatRequestLine({ method, path, status, ms, requestId, ...(note ? { note } : {}) }));
}

export async function finish(core: Core, call: Call, answer: Answer): Promise<MockOutput> {
  if (answer.transport) {
    logLine(core, call, 0, `fault ${answer.transport}`);
    if (answer.transport === 'stall') await stall(call.input.signal, core.closing);
    return { kind: 'transport_fault' };
  }
  const body = JSON.stringify(bodyOf(answer, call.requestId));
  logLine(core, call, answer.status, answer.note);
  return { kind: 'answer', status: answer.status, headers: headersOf(core, call, answer), body };
}
