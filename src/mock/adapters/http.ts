// The mock as an HTTP server: node:http in front of the core (core.ts). It hands the core the
// request in plain values (`respond`) and writes the answer, or cuts the connection on a transport
// fault.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contractError, errorBody } from '../../kernel/error-body.ts';
import { newRequestId } from '../../kernel/ids.ts';
import { lowerCaseHeaders } from '../../kernel/index.ts';
import { answerMalformedHttp } from '../../kernel/malformed-http.ts';
import { checkOptions } from '../../kernel/options.ts';
import { boundServer, readServerLimits, serverOptions } from '../../kernel/server-limits.ts';
import { createMock } from '../core.ts';
import { SERVER_OPTION_TABLE } from '../option-table.ts';
import type { Mock, MockOutput, MockServer, MockServerOptions } from '../types.ts';
import { OwnAddresses } from '../webhooks/own-addresses.ts';
import { BodyBudget, readBody } from './http-body.ts';

/** The contract's 500, for a request the core failed to answer at all. */
function failed(res: ServerResponse) {
  const requestId = newRequestId();
  const text = JSON.stringify(
    errorBody(contractError('server_error', 'The mock failed to answer this request.'), requestId),
  );
  res.writeHead(500, { 'content-type': 'application/json', 'x-request-id': requestId }).end(text);
}

/** The contract's 503, for a body that would go past the bytes in flight: a retry may fit. */
function busy(res: ServerResponse) {
  const requestId = newRequestId();
  const message = 'The mock holds as many request body bytes as it may; retry shortly.';
  const text = JSON.stringify(errorBody(contractError('service_unavailable', message), requestId));
  res
    .writeHead(503, { 'content-type': 'application/json', 'x-request-id': requestId, 'retry-after': '1' })
    .end(text);
}

/** Writes the core's answer (text or bytes), or cuts the connection on a transport fault. */
function send(out: MockOutput, res: ServerResponse) {
  if (out.kind === 'transport_fault') return void res.destroy();
  res.writeHead(out.status, {
    ...out.headers,
    ...(out.body !== null ? { 'content-length': Buffer.byteLength(out.body) } : {}),
  });
  res.end(out.body ?? undefined);
}

/** Answers one HTTP request from the core; never leaves it unanswered. */
async function answer(mock: Mock, budget: BodyBudget, req: IncomingMessage, res: ServerResponse) {
  // Only a stalled answer needs to know that the client gave up; the signal is made for it alone.
  let gone: AbortController | undefined;
  const body = readBody(req, mock.limits.request, budget);
  // The body is held until its answer is written or the client is gone.
  res.on('close', () => (body.release(), gone?.abort()));
  try {
    const read = await body.read;
    if (read.kind === 'busy') return void busy(res);
    const out = await mock.respond({
      method: req.method ?? 'GET',
      target: req.url ?? '/',
      ...(req.headers.host ? { origin: `http://${req.headers.host}` } : {}),
      headers: lowerCaseHeaders(req.headers),
      bytes: read.kind === 'ok' ? read.bytes : undefined,
      bodyTooLarge: read.kind === 'too_large',
      ...(req.socket.remoteAddress !== undefined ? { remoteAddress: req.socket.remoteAddress } : {}),
      get signal() {
        gone ??= new AbortController();
        if (res.destroyed) gone.abort();
        return gone.signal;
      },
    });
    if (!res.destroyed) send(out, res);
  } catch {
    if (!res.headersSent && !res.destroyed) failed(res);
    else res.destroy();
  }
}

/** The mock on a port (default 127.0.0.1:4010; port 0 picks a free one). */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  checkOptions('startMockServer', options, SERVER_OPTION_TABLE);
  const limits = readServerLimits(options.serverLimits, 'serverLimits');
  const own = new OwnAddresses();
  const mock = await createMock(options, own);
  const budget = new BodyBudget(limits.maxBodyBytesInFlight);
  const server = createServer(serverOptions(limits), (req, res) => void answer(mock, budget, req, res));
  boundServer(server, limits);
  answerMalformedHttp(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', error => (own.listening(undefined), reject(error)));
    server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  own.listening(address);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    webhookSecret: mock.webhookSecret,
    mock,
    state: mock.state,
    async close() {
      const closed = new Promise<void>(resolve => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([closed, mock.close()]);
    },
  };
}
