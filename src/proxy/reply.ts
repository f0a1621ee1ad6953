// The proxy's two ways of answering its caller: an error of its own, a contract-valid envelope with a
// fresh request id; or the upstream's answer as it was sent.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { contractError, errorBody, type ContractError } from '../kernel/error-body.ts';
import { newRequestId } from '../kernel/ids.ts';
import type { Answer } from './check.ts';
import { endToEnd } from './forward.ts';

/** Statuses (and HEAD) whose answer has no body, so no Content-Length of the proxy's own. */
const bodiless = (method: string, status: number) =>
  method === 'HEAD' || status === 204 || status === 304 || status < 200;

export function replyError(
  res: ServerResponse,
  code: 'bad_gateway' | 'gateway_timeout',
  message: string,
  headers: OutgoingHttpHeaders = {},
): { status: number; requestId: string } {
  return replyContractError(res, contractError(code, message), headers);
}

/** Any contract error of the proxy's own, as its envelope with a fresh request id. */
export function replyContractError(
  res: ServerResponse,
  error: ContractError,
  headers: OutgoingHttpHeaders = {},
): { status: number; requestId: string } {
  const requestId = newRequestId();
  const text = JSON.stringify(errorBody(error, requestId));
  res.writeHead(error.status, {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'X-Request-Id',
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-request-id': requestId,
  });
  res.end(text);
  return { status: error.status, requestId };
}

export function passThrough(res: ServerResponse, method: string, answer: Answer): void {
  const headers = endToEnd(answer.headers);
  if (!bodiless(method, answer.status)) headers['content-length'] = answer.body.length;
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}
