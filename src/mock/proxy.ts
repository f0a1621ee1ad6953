// The validating proxy: forwards every request to an upstream (staging, production) unchanged and
// checks every answer with the contract validators. Observe mode passes answers on and reports what
// breaks the contract; strict mode replaces such an answer by a contract-valid 502 naming the
// violations. An upstream that gives no usable answer gets the caller a contract-valid 502 or 504.
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContractValidator, type ContractValidator, type Violation } from '../contract/index.ts';
import { checkAnswer, operationOf, type Answer, type Call } from './proxy-check.ts';
import { errorBody, contractError } from '../kernel/error-body.ts';
import { newRequestId } from '../kernel/ids.ts';
import { createUpstream, endToEnd, forward, upstreamLabel, type UpstreamFailure } from './proxy-forward.ts';
import {
  createReport,
  formatRecord,
  kindOf,
  OUTSIDE,
  type ProxyReport,
  type ReportRecord,
} from './proxy-report.ts';
import { redactor, secretOf } from './redact.ts';

export interface ProxyOptions {
  /** http:// or https:// URL of the server to check; a path prefix is kept (`https://host/api`). */
  upstream: string;
  port?: number;
  host?: string;
  /** Replace an answer that breaks the contract by a 502 bad_gateway naming the violations. */
  strict?: boolean;
  /** How long the upstream has for its complete answer before the caller gets a 504. Default 60 s. */
  upstreamTimeoutMs?: number;
  /** Every violation as a JSON line. */
  reportFile?: string;
  /** Answers larger than this are streamed through unchecked. Default 1 MiB. */
  maxBodyBytes?: number;
  /** One line per violation and per upstream failure. Default: stdout. */
  log?: (line: string) => void;
  validator?: ContractValidator;
}

export interface ValidatingProxy {
  url: string;
  port: number;
  upstream: string;
  report: ProxyReport;
  /** Stops listening, drops connections and flushes the report file; safe to call again. */
  close(): Promise<void>;
}

/** Statuses (and HEAD) whose answer has no body, so no Content-Length of the proxy's own. */
const bodiless = (method: string, status: number) =>
  method === 'HEAD' || status === 204 || status === 304 || status < 200;

/** A browser's CORS preflight is not an API call: it is forwarded and its answer not checked. */
const isPreflight = (method: string, headers: IncomingHttpHeaders) =>
  method === 'OPTIONS' && headers['access-control-request-method'] !== undefined;

const FAILURE_KIND: Record<UpstreamFailure | 'unreadable', string> = {
  unreachable: 'upstream unreachable',
  timeout: 'upstream timeout',
  cut: 'upstream cut the connection',
  unreadable: 'upstream body unreadable',
};

/** The message of a strict-mode 502: the violations, each `where: message`, at most ten. */
function describeViolations(status: number, requestId: string, violations: Violation[]): string {
  const listed = violations.slice(0, 10).map(v => `${v.where}: ${v.message}`);
  const more = violations.length > 10 ? `; and ${violations.length - 10} more` : '';
  return `The upstream's answer (${status}, ${requestId}) breaks the contract: ${listed.join('; ')}${more}.`;
}

export async function startProxy(options: ProxyOptions): Promise<ValidatingProxy> {
  const upstream = createUpstream(options.upstream);
  const label = upstreamLabel(upstream.url);
  const validator = options.validator ?? createContractValidator();
  const report = createReport(options.reportFile);
  const log = options.log ?? (line => process.stdout.write(line + '\n'));
  const strict = options.strict ?? false;
  const timeoutMs = options.upstreamTimeoutMs ?? 60_000;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;

  /** Reports a record and logs its line; every text field passed through `redact` first. */
  function record(fields: Omit<ReportRecord, 'time'>, redact: (text: string) => string) {
    const r: ReportRecord = {
      time: new Date().toISOString(),
      ...fields,
      path: redact(fields.path),
      requestId: redact(fields.requestId),
      where: redact(fields.where),
      message: redact(fields.message),
    };
    report.add(r);
    log(redact(formatRecord(r)));
  }

  /** The proxy's own error answer, a contract-valid envelope with a fresh request id. */
  function replyError(
    res: ServerResponse,
    code: 'bad_gateway' | 'gateway_timeout',
    message: string,
    headers: OutgoingHttpHeaders = {},
  ): { status: number; requestId: string } {
    const requestId = newRequestId();
    const error = contractError(code, message);
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

  /** No usable answer from the upstream: a 502 (504 for a timeout), logged and reported. */
  function failUpstream(
    res: ServerResponse,
    call: Call,
    failure: UpstreamFailure | 'unreadable',
    detail: string,
    redact: (text: string) => string,
    upstreamStatus?: number,
  ) {
    const message = {
      unreachable: `The upstream ${label} could not be reached (${detail}).`,
      timeout: `The upstream ${label} did not answer within ${timeoutMs} ms.`,
      cut: `The upstream ${label} closed the connection before its answer was complete.`,
      unreadable: `The upstream ${label} answered ${upstreamStatus} with a body the proxy cannot read as JSON.`,
    }[failure];
    const sent = replyError(res, failure === 'timeout' ? 'gateway_timeout' : 'bad_gateway', redact(message));
    record(
      {
        ...call,
        status: upstreamStatus ?? sent.status,
        operation: operationOf(validator, call),
        requestId: sent.requestId,
        kind: FAILURE_KIND[failure],
        where: 'upstream',
        message: detail,
        action: 'replaced',
      },
      redact,
    );
  }

  /** A complete upstream answer: checked, reported, then passed on or (strict) replaced. */
  function answerChecked(res: ServerResponse, call: Call, answer: Answer, redact: (text: string) => string) {
    const checked = checkAnswer(validator, call, answer, redact);
    if (checked.unreadable)
      return failUpstream(res, call, 'unreadable', checked.unreadable, redact, answer.status);
    const replace = strict && checked.violations.length > 0;
    report.countChecked(checked.violations.length > 0);
    if (checked.operation === null) {
      const message = `${call.method} ${call.path} is not an operation of the contract; forwarded`;
      record(
        {
          ...call,
          status: answer.status,
          operation: null,
          requestId: checked.requestId,
          kind: OUTSIDE,
          where: 'route',
          message,
          action: 'passed',
        },
        redact,
      );
    }
    for (const v of checked.violations) {
      record(
        {
          ...call,
          status: answer.status,
          operation: checked.operation,
          requestId: checked.requestId,
          kind: kindOf(v),
          where: v.where,
          message: v.message,
          action: replace ? 'replaced' : 'passed',
        },
        redact,
      );
    }
    if (replace) {
      const cors = Object.fromEntries(
        Object.entries(endToEnd(answer.headers)).filter(([name]) => name.startsWith('access-control-')),
      );
      replyError(
        res,
        'bad_gateway',
        redact(describeViolations(answer.status, checked.requestId, checked.violations)),
        cors,
      );
      return;
    }
    passThrough(res, call.method, answer);
  }

  function passThrough(res: ServerResponse, method: string, answer: Answer) {
    const headers = endToEnd(answer.headers);
    if (!bodiless(method, answer.status)) headers['content-length'] = answer.body.length;
    res.writeHead(answer.status, headers);
    res.end(answer.body);
  }

  /** Too big for a JSON answer of this API: streamed through as it comes, unchecked, and said so. */
  function streamThrough(
    res: ServerResponse,
    call: Call,
    response: IncomingMessage,
    head: Buffer[],
    redact: (text: string) => string,
  ) {
    log(
      redact(
        `${new Date().toISOString()} ${call.method.padEnd(6)} ${call.path} ${response.statusCode} not checked: body over ${maxBodyBytes} bytes`,
      ),
    );
    res.writeHead(response.statusCode ?? 502, endToEnd(response.headers));
    head.forEach(chunk => res.write(chunk));
    // A stream that stalls for the upstream timeout is cut rather than left hanging.
    const stalled = setTimeout(() => response.destroy(), timeoutMs);
    response.on('data', () => stalled.refresh());
    response.on('close', () => {
      clearTimeout(stalled);
      if (!response.complete) res.destroy();
    });
    response.pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const call: Call = { method: (req.method ?? 'GET').toUpperCase(), path: (req.url ?? '/').split('?')[0]! };
    const redact = redactor(secretOf(req.headers.authorization));
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    const answer = await forward(upstream, req, { timeoutMs, maxBodyBytes, signal: gone.signal });
    if (gone.signal.aborted || res.destroyed) return;
    if (answer.kind === 'failed') return failUpstream(res, call, answer.failure, answer.detail, redact);
    if (answer.kind === 'too_large') return streamThrough(res, call, answer.response, answer.head, redact);
    if (isPreflight(call.method, req.headers)) return passThrough(res, call.method, answer);
    answerChecked(res, call, answer, redact);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      // Never leave a request unanswered, whatever went wrong above.
      const redact = redactor(secretOf(req.headers.authorization));
      log(redact(`proxy: ${req.method} ${(req.url ?? '/').split('?')[0]} failed: ${error.message}`));
      if (!res.headersSent) replyError(res, 'bad_gateway', 'The proxy failed to handle this request.');
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', resolve);
  }).catch(async (error: Error) => {
    upstream.agent.destroy();
    await report.close();
    throw error;
  });
  const address = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    upstream: label,
    report,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>(resolve => server.close(() => resolve()));
        server.closeAllConnections();
        upstream.agent.destroy();
        await closed;
        await report.close();
      })();
      return closing;
    },
  };
}
