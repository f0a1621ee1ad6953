// A server that answers every scenario of the suite, each route breaking the contract in its own way
// (test/contract/broken-server.test.ts names each break); the reporters' tests run the suite against it.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorCatalogue, type ErrorCode } from '../../generated/catalogue.ts';

function reply(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** The contract's error envelope for `code`, its type and doc_url from the catalogue. */
export const envelope = (code: ErrorCode, requestId: string, extra: Record<string, unknown> = {}) => ({
  error: {
    message: 'x',
    type: errorCatalogue[code].type,
    code,
    param: null,
    doc_url: errorCatalogue[code].docUrl,
    request_id: requestId,
    ...extra,
  },
});

/** Starts the broken server on a free port of 127.0.0.1. */
export async function startBrokenServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    const url = req.url ?? '/';
    if (url === '/v2/billing/balance' && req.headers.authorization?.startsWith('Bearer ')) {
      return reply(res, 200, {}, { balance: 1, currency: 'USD' }); // no X-Request-Id
    }
    if (url === '/v2/billing/balance') {
      return reply(res, 401, { 'x-request-id': 'req_a' }, { message: 'unauthorized' }); // not the envelope
    }
    if (url.startsWith('/v2/models?type=audio')) {
      return reply(res, 422, { 'x-request-id': 'req_b' }, envelope('invalid_parameter', 'req_b')); // undeclared status
    }
    if (url.startsWith('/v2/models')) {
      return reply(res, 200, { 'x-request-id': 'req_c' }, [
        { id: 'm', name: 'M', type: 'audio', created_at: 'yesterday' },
      ]); // schema
    }
    if (url === '/v2/videos/generations/123') {
      return reply(res, 400, { 'x-request-id': 'req_d' }, envelope('invalid_parameter', 'req_OTHER')); // request_id ≠ header
    }
    if (url.startsWith('/v2/videos/generations/')) {
      return reply(res, 404, { 'x-request-id': 'req_e' }, envelope('rate_limit', 'req_e')); // code not allowed under 404
    }
    if (url === '/v2/videos/generations' && req.headers['content-type'] === 'text/plain') {
      return reply(res, 400, { 'x-request-id': 'req_f' }, envelope('invalid_json', 'req_f')); // wrong status for the case
    }
    // Everything else, unknown routes included: Prism's problem+json.
    res.writeHead(404, { 'content-type': 'application/problem+json' });
    res.end(
      JSON.stringify({
        type: 'https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR',
        title: 'Route not resolved',
        status: 404,
      }),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
