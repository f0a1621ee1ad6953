// The mock server: node:http in front of an in-process Prism. Prism routes, validates and picks
// the example; this module turns what plain Prism gets wrong into the contract's own answers
// (see `classify`), runs video generations as jobs and stamps a fresh X-Request-Id on everything.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IHttpRequest } from '@stoplight/prism-http';
import { matchOperation, readContract, type Contract, type Json, type JsonObject, type Operation, type Spec } from '../contract/spec.ts';
import { isJsonMediaType, readBody } from './body.ts';
import { errorBody, errorForViolations, mockError, type MockError, type PrismViolation } from './errors.ts';
import { newGenerationId, newRequestId } from './ids.ts';
import { isFailureCode } from '../client/codes.ts';
import { createJobStore, jobTemplates, type JobStore, type Outcome } from './jobs.ts';
import { formatRequestLine } from './log.ts';
import { readPreferences, type Preferences } from './prefer.ts';
import { createPrism, type AskPrism } from './prism.ts';
import { createWebhookSender, newWebhookSecret } from './webhooks.ts';
import { isObject } from '../client/is-object.ts';

export interface MockOptions {
  port?: number;
  host?: string;
  spec?: Spec;
  /** `whsec_<base64>`; a fresh one is made when absent. */
  webhookSecret?: string;
  /** Steps from pending to the end of a video generation (one per poll or per stepMs). */
  jobSteps?: number;
  stepMs?: number;
  maxJobs?: number;
  webhookRetryDelaysMs?: number[];
  /** Receives one line per request and per webhook delivery. */
  log?: (line: string) => void;
}

export interface MockServer {
  url: string;
  port: number;
  webhookSecret: string;
  jobs: JobStore;
  close(): Promise<void>;
}

/** What to send: a body as is, or an error the mock builds into an envelope with this request's id. */
type Answer = { status: number; body?: unknown; error?: MockError; headers?: Record<string, string>; note?: string };

const EXPOSED = 'X-Request-Id, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, X-Mock-Warning';
const MiB = 1024 * 1024;


/** Body limits, read from the contract's 413 examples (the request's, and one image's). */
function payloadLimits(contract: Contract) {
  const examples = contract.operations.flatMap(op => op.responses.filter(r => r.status === 413)).flatMap(r => Object.values(r.examples));
  const limit = (forImage: boolean, fallback: number) => {
    const e = examples.map(x => (isObject(x) && isObject(x.error) ? x.error : {})).find(x => (x.param !== null) === forImage && typeof x.max_bytes === 'number');
    return (e?.max_bytes as number | undefined) ?? fallback;
  };
  return { request: limit(false, 25 * MiB), image: limit(true, 10 * MiB) };
}

/**
 * Prism throws on a path segment that is not valid percent-encoding; such a segment is passed on
 * with its `%` taken literally, so that it fails the parameter's schema like any other bad value.
 */
function decodablePath(path: string): string {
  return path
    .split('/')
    .map(segment => {
      try {
        decodeURIComponent(segment);
        return segment;
      } catch {
        return encodeURIComponent(segment);
      }
    })
    .join('/');
}

/** Echoed request text may hold anything; a header may only hold visible ASCII. */
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]/g, '?').slice(0, 300);

function declares(op: Operation, status: number, code: string) {
  return op.responses.some(r => r.status === status && r.errorCodes.includes(code));
}

function authReason(header: string | undefined): 'missing' | 'malformed' {
  return header === undefined || header.trim() === '' ? 'missing' : 'malformed';
}

/** A data: URL's decoded size, without decoding it. */
function dataUrlBytes(url: string): number {
  const comma = url.indexOf(',');
  const payload = url.slice(comma + 1).replace(/=+$/, '');
  return Math.floor((payload.length * 3) / 4);
}

export async function startMockServer(options: MockOptions = {}): Promise<MockServer> {
  const contract = readContract(options.spec);
  const askPrism: AskPrism = await createPrism(contract.spec);
  const limits = payloadLimits(contract);
  const log = options.log ?? (line => process.stdout.write(line + '\n'));
  const webhookSecret = options.webhookSecret ?? newWebhookSecret();
  const sender = createWebhookSender({
    secret: webhookSecret,
    ...(options.webhookRetryDelaysMs ? { retryDelaysMs: options.webhookRetryDelaysMs } : {}),
    onDelivery: d => log(`webhook ${d.type} ${d.webhookId} -> ${d.url} ${d.outcome} (${d.attempts} attempt${d.attempts === 1 ? '' : 's'})`),
  });
  const pollOperation = contract.operations.find(op => op.operationId === 'getVideoGeneration');
  if (!pollOperation) throw new Error('The contract has no getVideoGeneration operation');
  const maxSteps = 100;
  const jobs = createJobStore(jobTemplates(pollOperation), {
    maxJobs: options.maxJobs ?? 1000,
    stepMs: options.stepMs ?? 2000,
    defaultSteps: options.jobSteps ?? 4,
    onTerminal: (job, body) => {
      if (!job.request.callbackUrl) return;
      void sender.send(job.request.callbackUrl, { type: `video.generation.${body.status}`, timestamp: new Date().toISOString(), data: body });
    },
  });

  /** The contract's answer to a request whose method and path matched `op`. */
  async function answerOperation(op: Operation, req: IncomingMessage, path: string, query: URLSearchParams, bytes: Buffer | undefined, params: Record<string, string>): Promise<Answer> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    // The mock always answers JSON: an Accept header must not steer Prism into a 406 the contract lacks.
    delete headers.accept;
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    const contentType = headers['content-type'];
    let body: unknown;
    let bodyProblem: 'invalid_json' | 'no_content_type' | undefined;
    if (!op.hasRequestBody) {
      // A body on an operation without one is ignored (Prism would answer an undeclared 415).
      delete headers['content-type'];
    } else if (bytes === undefined) {
      body = {};
    } else if (bytes.length === 0) {
      // Validated as `{}`, so that the answer names the first missing required field.
      body = {};
      headers['content-type'] = 'application/json';
      headers['content-length'] = '2';
    } else {
      headers['content-length'] = String(bytes.length);
      const text = bytes.toString('utf8');
      if (contentType === undefined) bodyProblem = 'no_content_type';
      if (isJsonMediaType(contentType)) {
        try {
          body = JSON.parse(text);
        } catch {
          bodyProblem = 'invalid_json';
          body = {};
        }
      } else body = text;
    }
    const queryRecord: Record<string, string | string[]> = {};
    for (const key of new Set(query.keys())) {
      const all = query.getAll(key);
      queryRecord[key] = all.length === 1 ? all[0]! : all;
    }
    const input: IHttpRequest = { method: op.method.toLowerCase() as IHttpRequest['method'], url: { path: decodablePath(path), query: queryRecord }, headers, body };
    const prefs = readPreferences(input);
    let warning = prefs.problem;
    let answer = await askPrism(input, prefs);
    const forced = prefs.code !== undefined || prefs.example !== undefined;
    if (answer.kind === 'error' && forced && !/NO_(PATH|METHOD)_MATCHED/.test(answer.name)) {
      // The preference asks for a response the contract does not have: answer as if unasked, and say so.
      warning = `Prefer ignored: ${answer.detail}`;
      answer = await askPrism(input, {});
    }
    if (answer.kind === 'error') {
      if (/NO_(PATH|METHOD)_MATCHED/.test(answer.name)) return routeNotFound(req.method ?? 'GET', path);
      return { status: 500, error: mockError('server_error', `The mock could not answer: ${answer.detail}`), note: answer.detail };
    }
    const problem = classify(op, answer.violations, headers, bytes, bodyProblem, body, prefs);
    if (problem) return { status: problem.status, error: problem, ...(warning ? { headers: { 'x-mock-warning': headerSafe(warning) } } : {}) };

    const applied = forced && !warning;
    let status = answer.output.statusCode;
    let out: unknown = answer.output.body;
    const outHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.output.headers ?? {})) {
      if (value !== null && value !== undefined && !/^(content-type|x-request-id)$/i.test(name)) outHeaders[name] = String(value);
    }
    if (warning) outHeaders['x-mock-warning'] = headerSafe(warning);

    if (op.operationId === 'createVideoGeneration' && status === 202 && isObject(body)) {
      const outcome: Outcome = prefs.fail !== undefined && isFailureCode(prefs.fail) ? { kind: 'failed', code: prefs.fail } : { kind: 'completed' };
      const job = jobs.create(
        {
          model: String(body.model),
          ...(typeof body.duration === 'number' ? { duration: body.duration } : {}),
          ...(typeof body.sound === 'boolean' ? { sound: body.sound } : {}),
          ...(typeof body.callback_url === 'string' ? { callbackUrl: body.callback_url } : {}),
        },
        outcome,
        prefs.steps !== undefined ? Number(prefs.steps) : undefined,
      );
      out = { id: job.id, status: 'pending' };
    } else if (op.operationId === 'getVideoGeneration' && !applied && status === 200) {
      const polled = jobs.poll(params.id ?? '');
      if (!polled) {
        const e = mockError('not_found', `No generation with id '${params.id}'.`, 'id', { resource: 'generation' });
        return { status: e.status, error: e };
      }
      out = polled;
    } else if (op.operationId === 'generateImage' && !applied && status === 200 && isObject(out) && isObject(body)) {
      const id = newGenerationId('img');
      out = JSON.parse(JSON.stringify(out).replaceAll(String(out.id), id));
      (out as JsonObject).model = body.model as Json;
    } else if (applied && params.id && isObject(out) && typeof out.id === 'string') {
      // A forced example still describes the generation that was asked for.
      out = JSON.parse(JSON.stringify(out).replaceAll(out.id, params.id));
    }
    if (status < 200 || status > 599) status = 500;
    return { status, body: out, headers: outHeaders, ...(applied ? { note: `prefer ${prefs.code ?? ''}${prefs.example ? ' ' + prefs.example : ''}`.trim() } : {}) };
  }

  /**
   * The first problem a real server would see, in the order it would look: credentials, body size,
   * content type, JSON syntax, then parameters and the mock's own Prefer tokens.
   */
  function classify(op: Operation, violations: PrismViolation[], headers: Record<string, string>, bytes: Buffer | undefined, bodyProblem: string | undefined, body: unknown, prefs: Preferences): MockError | undefined {
    const errors = violations.filter(v => v.severity === 0);
    if (errors.some(v => v.code === 401)) {
      const reason = authReason(headers.authorization);
      return mockError(
        'invalid_api_key',
        reason === 'missing' ? 'Missing API key. Send it as `Authorization: Bearer <key>`.' : 'Malformed Authorization header: expected `Bearer <key>`.',
        null,
        { reason },
      );
    }
    if (op.hasRequestBody && bytes === undefined && declares(op, 413, 'payload_too_large')) {
      return mockError('payload_too_large', `The request body is over ${limits.request} bytes.`, null, { max_bytes: limits.request });
    }
    if (errors.some(v => v.code === 415) || bodyProblem === 'no_content_type') {
      return mockError('unsupported_media_type', `Send the body as application/json, not ${JSON.stringify(headers['content-type'] ?? 'no content type')}.`);
    }
    if (bodyProblem === 'invalid_json') return mockError('invalid_json', 'The request body is not valid JSON.');
    const badRequest = op.responses.find(r => r.status === 400)?.errorCodes ?? [];
    const names = declaredParameterNames(op);
    const fromPrism = errorForViolations(errors, badRequest, names);
    if (fromPrism) return fromPrism;
    if (isObject(body) && Array.isArray(body.images) && declares(op, 413, 'payload_too_large')) {
      const index = body.images.findIndex(i => isObject(i) && typeof i.url === 'string' && i.url.startsWith('data:') && dataUrlBytes(i.url) > limits.image);
      if (index >= 0) {
        return mockError('payload_too_large', `Image images[${index}] is over ${limits.image} bytes decoded.`, `images[${index}].url`, { max_bytes: limits.image });
      }
    }
    if (op.operationId === 'createVideoGeneration') {
      if (prefs.fail !== undefined && !isFailureCode(prefs.fail)) {
        return mockError('invalid_parameter', `Prefer fail=${prefs.fail} is not a video failure code of the contract.`, 'Prefer');
      }
      if (prefs.steps !== undefined && !(/^\d+$/.test(prefs.steps) && Number(prefs.steps) >= 1 && Number(prefs.steps) <= maxSteps)) {
        return mockError('invalid_parameter', `Prefer steps must be an integer from 1 to ${maxSteps}.`, 'Prefer');
      }
    }
    return undefined;
  }

  const parameterNames = new Map<string, string[]>();
  function declaredParameterNames(op: Operation): string[] {
    let names = parameterNames.get(op.operationId);
    if (!names) {
      const item = contract.spec.paths as Record<string, Record<string, { parameters?: { $ref?: string; name?: string }[] }>>;
      const refs = item[op.path]?.[op.method.toLowerCase()]?.parameters ?? [];
      const components = (contract.spec.components as { parameters?: Record<string, { name: string }> }).parameters ?? {};
      names = refs.map(p => (p.$ref ? components[p.$ref.split('/').pop()!]?.name : p.name)).filter((n): n is string => !!n);
      parameterNames.set(op.operationId, names);
    }
    return names;
  }

  function routeNotFound(method: string, path: string): Answer {
    const e = mockError('not_found', `No route for ${method.toUpperCase()} ${path}.`, null, { resource: 'route' });
    return { status: e.status, error: e };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const requestId = newRequestId();
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1));
    let note: string | undefined;
    res.on('finish', () => log(formatRequestLine({ method, path, status: res.statusCode, ms: performance.now() - started, requestId, ...(note ? { note } : {}) })));
    res.setHeader('x-request-id', requestId);
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-expose-headers', EXPOSED);
    // A CORS preflight is the browser's, not an API call: it is answered so that a frontend can use the mock.
    if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
        'access-control-max-age': '600',
      });
      req.resume();
      return res.end();
    }
    let answer: Answer;
    try {
      const matched = matchOperation(contract, method, path);
      const read = await readBody(req, limits.request);
      const bytes = read.kind === 'ok' ? read.bytes : undefined;
      answer = matched ? await answerOperation(matched.operation, req, path, query, bytes, matched.params) : routeNotFound(method, path);
    } catch (error) {
      if (res.destroyed) return;
      answer = { status: 500, error: mockError('server_error', 'The mock failed to answer this request.'), note: (error as Error).message };
    }
    note = answer.note;
    const body = answer.error ? errorBody(answer.error, requestId) : answer.body;
    if (isObject(body) && isObject(body.error) && answer.status >= 400) body.error.request_id = requestId;
    if (res.destroyed) return;
    const text = JSON.stringify(body);
    try {
      res.writeHead(answer.status, { ...answer.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    } catch (error) {
      // Never leave a request unanswered, whatever went wrong above.
      if (!res.headersSent) {
        const fallback = JSON.stringify(errorBody(mockError('server_error', 'The mock failed to answer this request.'), requestId));
        note = (error as Error).message;
        res.writeHead(500, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(fallback) });
        res.end(fallback);
      } else res.destroy();
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    webhookSecret,
    jobs,
    async close() {
      jobs.close();
      const closed = new Promise<void>(resolve => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([closed, sender.close()]);
    },
  };
}
