// What the mock and the proxy answer to a request Node cannot parse (a bad request line, a NUL or an
// oversized header, broken chunking) and to CONNECT: a contract-valid 400 with the error envelope
// and an X-Request-Id, written on the raw socket, then the connection closed. Node's own answer is a
// bare 400 or 431 with no body.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { contractError, errorBody } from './error-body.ts';
import { newRequestId } from './ids.ts';

/** A whole HTTP/1.1 answer: a 400 naming what was wrong, closing the connection. */
function malformedAnswer(problem: string): string {
  const requestId = newRequestId();
  const text = JSON.stringify(
    errorBody(contractError('invalid_parameter', `The request is not valid HTTP: ${problem}.`), requestId),
  );
  return [
    'HTTP/1.1 400 Bad Request',
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(text)}`,
    `x-request-id: ${requestId}`,
    'access-control-allow-origin: *',
    'access-control-expose-headers: X-Request-Id',
    'connection: close',
    '',
    text,
  ].join('\r\n');
}

/** Writes the 400 unless the socket is gone or an answer is already on it (writing would corrupt it). */
function refuse(socket: Duplex, problem: string) {
  const busy = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (socket.writable && !busy) socket.end(malformedAnswer(problem));
  else socket.destroy();
}

/** Answers parse errors and CONNECT on `server` with the contract's 400; a timed-out peer is cut. */
export function answerMalformedHttp(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A peer too slow for the headers or request timeout, or already gone, gets no answer.
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'ECONNRESET') return socket.destroy();
    refuse(socket, (error.code ?? 'unparsable').replace(/^HPE_/, '').toLowerCase());
  });
  server.on('connect', (_req, socket: Duplex) => refuse(socket, 'CONNECT is not served here'));
}
