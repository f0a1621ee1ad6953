// Sends one request on to the upstream as it came (method, path, query, headers, body streamed) and
// collects the answer: buffered up to a limit so that it can be checked, or the reason there is none.
import {
  Agent as HttpAgent,
  request as httpRequest,
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { readableAcceptEncoding } from './encodings.ts';

export type UpstreamFailure = 'unreachable' | 'timeout' | 'cut';

export type UpstreamAnswer =
  | { kind: 'complete'; status: number; headers: IncomingHttpHeaders; body: Buffer }
  /** Over the buffer limit: the first chunks, and the response still streaming the rest. */
  | { kind: 'too_large'; response: IncomingMessage; head: Buffer[] }
  | { kind: 'failed'; failure: UpstreamFailure; detail: string };

export interface Upstream {
  url: URL;
  agent: HttpAgent;
}

export interface ForwardLimits {
  timeoutMs: number;
  maxBodyBytes: number;
  /** Aborted when the caller goes away: the upstream request is dropped too. */
  signal: AbortSignal;
}

// RFC 9110 §7.6.1: these describe one connection, not the message, and are not forwarded.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

// Errors raised before a connection existed: the upstream could not be reached at all.
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

export function createUpstream(raw: string): Upstream {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`the upstream must be an http:// or https:// URL, got '${raw}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`the upstream must be an http:// or https:// URL, got '${raw}'`);
  const Agent = url.protocol === 'https:' ? HttpsAgent : HttpAgent;
  return { url, agent: new Agent({ keepAlive: true }) };
}

/** The upstream as it may be printed: no user or password. */
export const upstreamLabel = (url: URL) => `${url.origin}${url.pathname.replace(/\/$/, '')}`;

/** Headers minus the hop-by-hop ones (and any the Connection header names). */
export function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map(n => n.trim().toLowerCase()),
  );
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !named.has(name)) out[name] = value;
  }
  return out;
}

/**
 * The caller's headers as the upstream gets them: end-to-end ones only, `Host` naming the upstream
 * (as a virtual host behind it expects), and only codings the proxy can read accepted.
 */
function forwardedHeaders(headers: IncomingHttpHeaders, url: URL): OutgoingHttpHeaders {
  const out = { ...endToEnd(headers), host: url.host };
  const accept = readableAcceptEncoding(headers['accept-encoding']);
  return accept === undefined ? out : { ...out, 'accept-encoding': accept };
}

/**
 * A request that may be sent twice: no body, and a method that changes nothing. Node's documented
 * remedy for a kept-alive socket the upstream closed just as it was reused.
 */
const resendable = (req: IncomingMessage) =>
  ['GET', 'HEAD', 'OPTIONS'].includes(req.method ?? '') &&
  !req.headers['transfer-encoding'] &&
  (req.headers['content-length'] ?? '0') === '0';

/** The request to the upstream for `req`, on the kept-alive agent; dropped when `signal` aborts. */
function open(upstream: Upstream, req: IncomingMessage, signal: AbortSignal): ClientRequest {
  const { url, agent } = upstream;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return send({
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port,
    method: req.method,
    path: url.pathname.replace(/\/$/, '') + (req.url ?? '/'),
    headers: forwardedHeaders(req.headers, url),
    agent,
    signal,
  });
}

export function forward(
  upstream: Upstream,
  req: IncomingMessage,
  limits: ForwardLimits,
): Promise<UpstreamAnswer> {
  return new Promise(resolve => {
    let settled = false;
    let current: ClientRequest | undefined;
    const settle = (answer: UpstreamAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const timer = setTimeout(() => {
      settle({
        kind: 'failed',
        failure: 'timeout',
        detail: `no complete answer within ${limits.timeoutMs} ms`,
      });
      current?.destroy();
    }, limits.timeoutMs);

    const attempt = (first: boolean) => {
      const outgoing = open(upstream, req, limits.signal);
      current = outgoing;
      let answered = false;
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        const stale = outgoing.reusedSocket && error.code === 'ECONNRESET';
        if (first && !answered && !settled && stale && resendable(req)) return attempt(false);
        const failure = UNREACHABLE.has(error.code ?? '') ? 'unreachable' : 'cut';
        settle({ kind: 'failed', failure, detail: error.code ?? error.message });
      });
      outgoing.on('response', response => {
        answered = true;
        collect(response, limits.maxBodyBytes, settle);
      });
      if (first) req.pipe(outgoing);
      else outgoing.end();
    };
    attempt(true);
  });
}

/** Buffers an answer up to `max` bytes; past that, hands it over still streaming. */
function collect(response: IncomingMessage, max: number, settle: (answer: UpstreamAnswer) => void) {
  const chunks: Buffer[] = [];
  let size = 0;
  const onData = (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    if (size <= max) return;
    response.pause();
    response.off('data', onData);
    settle({ kind: 'too_large', response, head: chunks });
  };
  response.on('data', onData);
  response.on('end', () =>
    settle({
      kind: 'complete',
      status: response.statusCode ?? 502,
      headers: response.headers,
      body: Buffer.concat(chunks),
    }),
  );
  response.on('error', () => {});
  response.on('close', () => {
    if (!response.complete)
      settle({
        kind: 'failed',
        failure: 'cut',
        detail: 'the connection closed before the answer was complete',
      });
  });
}
