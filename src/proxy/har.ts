// Exchanges through the proxy as HAR 1.2 entries, keys redacted in every text: the request as it came,
// the answer as the proxy checked it (its body decoded, as HAR records bodies), and in `_mediagen` what
// the offline check (har-check.ts) needs to report exactly what the live proxy did.
import type { IncomingHttpHeaders } from 'node:http';
import type { Call } from './check.ts';
import type { Failure } from './findings.ts';
import type { Redact } from './redact.ts';

export interface HarHeader {
  name: string;
  value: string;
}

/** An upstream that gave no usable answer: the failure, its detail, the id of the proxy's own reply. */
export interface HarFailure {
  failure: Failure;
  detail: string;
  requestId: string;
}

/** What the proxy did with the exchange, beyond the HAR fields. */
export interface HarVerdict {
  /** The call as the contract sees it: method and path without the upstream's prefix or the query. */
  call: Call;
  failure?: HarFailure;
  /** Strict mode replaced the answer, which broke the contract, by a 502 (the entry keeps the answer). */
  replaced?: boolean;
  /** Not checked live (a CORS preflight, a body over the buffer limit): why. */
  unchecked?: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: [];
    headers: HarHeader[];
    queryString: HarHeader[];
    postData?: { mimeType: string; text: string };
    headersSize: -1;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: [];
    headers: HarHeader[];
    content: { size: number; mimeType: string; text?: string };
    redirectURL: '';
    headersSize: -1;
    bodySize: -1;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  _mediagen: HarVerdict;
}

export interface HarLog {
  log: { version: '1.2'; creator: { name: string; version: string }; entries: HarEntry[] };
}

/** The request half, taken when the request comes in. */
export interface HarRequest {
  started: number;
  method: string;
  /** The upstream's URL of the request, query included. */
  url: string;
  headers: IncomingHttpHeaders;
  body: () => Buffer | undefined;
}

/** The answer half: the upstream's (or, with no usable answer, the proxy's own reply). */
export interface HarAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body decoded; absent when it could not be (over the limit, a coding the proxy cannot undo). */
  text?: string;
}

const headerList = (headers: IncomingHttpHeaders, redact: Redact): HarHeader[] =>
  Object.entries(headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(v => ({
      name,
      value: redact(v),
    })),
  );

const mimeOf = (headers: IncomingHttpHeaders) => String(headers['content-type'] ?? '');

function requestPart(req: HarRequest, redact: Redact): HarEntry['request'] {
  const url = new URL(req.url);
  const body = req.body();
  return {
    method: req.method,
    url: redact(url.href),
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: headerList(req.headers, redact),
    queryString: [...url.searchParams].map(([name, value]) => ({ name: redact(name), value: redact(value) })),
    ...(body?.length
      ? { postData: { mimeType: mimeOf(req.headers), text: redact(body.toString('utf8')) } }
      : {}),
    headersSize: -1,
    bodySize: body?.length ?? 0,
  };
}

export function harEntry(req: HarRequest, answer: HarAnswer, verdict: HarVerdict, redact: Redact): HarEntry {
  const time = Date.now() - req.started;
  const text = answer.text === undefined ? undefined : redact(answer.text);
  // The body is stored decoded: its coding no longer applies to it.
  const { 'content-encoding': _coding, ...headers } = answer.headers;
  return {
    startedDateTime: new Date(req.started).toISOString(),
    time,
    request: requestPart(req, redact),
    response: {
      status: answer.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(headers, redact),
      content: {
        size: text === undefined ? 0 : Buffer.byteLength(text),
        mimeType: mimeOf(answer.headers),
        ...(text === undefined ? {} : { text }),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    _mediagen: {
      call: { method: verdict.call.method, path: redact(verdict.call.path) },
      ...(verdict.failure
        ? {
            failure: {
              ...verdict.failure,
              detail: redact(verdict.failure.detail),
              requestId: redact(verdict.failure.requestId),
            },
          }
        : {}),
      ...(verdict.replaced ? { replaced: true } : {}),
      ...(verdict.unchecked !== undefined ? { unchecked: verdict.unchecked } : {}),
    },
  };
}
