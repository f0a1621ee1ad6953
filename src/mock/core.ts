// The mock's one behaviour: a function from a fetch Request to a Response over one state model
// (accounts per key, fixtures, jobs, webhook deliveries). The HTTP server, createMockFetch and the
// MSW handlers are thin adapters over `handle`. Prism (in contract-answer.ts) routes, validates and
// picks examples; this module adds what a real server does with state.
import {
  isObject,
  matchOperation,
  requireOperation,
  loadContract,
  type Json,
  type JsonObject,
  type Operation,
  type Spec,
} from '../kernel/index.ts';
import { createAccountStore, type Account } from './accounts.ts';
import { errorAnswer, headerSafe, type Answer } from './answer.ts';
import { createCannedAnswers, rateLimitAnswer } from './canned.ts';
import { createContractAnswerer, type MockRequest } from './contract-answer.ts';
import { payloadLimits } from './payload-limits.ts';
import { answerControl, books, CONTROL_PREFIX, controlAllowed, type ControlAccess } from './control.ts';
import { errorBody, contractError } from '../kernel/error-body.ts';
import {
  delayFor,
  FAULT_KINDS,
  isFaultKind,
  parseFaults,
  parseLatency,
  pickFault,
  wait,
  type FaultSettings,
  type Latency,
} from './faults.ts';
import { loadDefaultFixtures, readFixtures, type Fixtures, type FixturesInput } from './fixtures.ts';
import { createGenerations, notFoundGeneration } from './generations.ts';
import { createIdempotencyStore } from './idempotency.ts';
import { newRequestId } from '../kernel/ids.ts';
import { createJobStore, jobTemplates, type Job } from './jobs.ts';
import { countRequest, rateHeaders, type RateCount } from './limits.ts';
import { formatRequestLine } from './log.ts';
import { parseMoney, renderMoney } from './money.ts';
import { listModels } from './models.ts';
import { preferTokens } from './prefer.ts';
import { createPrism } from './prism.ts';
import { indexTestValues } from './test-values.ts';
import { createWebhookSender, newWebhookSecret, type Delivery } from './webhooks.ts';

export interface MockOptions {
  /** HTTP server only: port (0 picks a free one) and address. */
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
  /** The models, starting balance and test values (default: src/mock/fixtures/default.ts). */
  fixtures?: Fixtures | FixturesInput;
  /** Starting balance of a new account, as a decimal string; overrides the fixtures'. */
  balance?: string;
  /** Requests per key per minute (default 1000); null: no limit. */
  rateLimit?: number | null;
  /** Unfinished videos per key (default 5); null: no limit. */
  maxConcurrent?: number | null;
  /** `250`, `100-800`, `realistic`, or none (the default). */
  latency?: Latency | string;
  /** Share of requests answered with a fault: `0.1` or `0.1:service_unavailable,cut`. */
  faults?: FaultSettings | string;
  /** Who may use /_mock/: `loopback` (default: loopback and in-process callers), `on`, `off`. */
  control?: ControlAccess;
  /** Accounts kept in memory; the least recently used is evicted past it (default 10,000). */
  maxAccounts?: number;
  /** How long an Idempotency-Key is remembered (default 24 h), and how many records in all (100,000). */
  idempotencyRetentionMs?: number;
  maxIdempotencyRecords?: number;
  /** Source of randomness for latency and faults. */
  random?: () => number;
}

/** Where the request came from: the HTTP server knows the peer and whether the body was too large. */
export interface RequestContext {
  remoteAddress?: string;
  /** The body was over the request limit and was not kept. */
  bodyTooLarge?: boolean;
}

export const DEFAULT_RATE_LIMIT = 1000;
export const DEFAULT_MAX_CONCURRENT = 5;
export const DEFAULT_MAX_ACCOUNTS = 10_000;
export const DEFAULT_MAX_IDEMPOTENCY_RECORDS = 100_000;

/** One request in plain values; `target` is the path and query. `bytes` is undefined past the size limit. */
export interface MockInput extends RequestContext {
  method: string;
  target: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  bytes: Uint8Array | undefined;
  /** Aborts when the caller gives up (a stalled answer then ends). */
  signal?: AbortSignal;
}

/** An answer, or a transport fault: the adapter cuts the connection. */
export type MockOutput =
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: string | null }
  | { kind: 'transport_fault' };

const EXPOSED =
  'X-Request-Id, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, X-Mock-Warning, Idempotent-Replayed';
/** The key of `Authorization: Bearer <key>`, if it has that shape. */
function bearerKey(header: string | undefined): string | undefined {
  const match = /^Bearer +(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** The mock: its state, and `handle`/`respond` to answer requests over it. */
export async function createMock(options: MockOptions = {}) {
  const contract = loadContract(options.spec);
  const limits = payloadLimits(contract);
  const answerContract = createContractAnswerer(contract, await createPrism(contract.spec), limits);
  const fixtures: Fixtures = !options.fixtures
    ? loadDefaultFixtures()
    : 'balanceMicro' in options.fixtures
      ? options.fixtures
      : readFixtures(options.fixtures);
  const startBalance = options.balance !== undefined ? parseMoney(options.balance) : fixtures.balanceMicro;
  const index = indexTestValues(fixtures.testValues);
  const rateLimit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  const maxConcurrent = options.maxConcurrent === undefined ? DEFAULT_MAX_CONCURRENT : options.maxConcurrent;
  const latency = typeof options.latency === 'string' ? parseLatency(options.latency) : options.latency;
  const faults = typeof options.faults === 'string' ? parseFaults(options.faults) : options.faults;
  const control = options.control ?? 'loopback';
  const random = options.random ?? Math.random;
  const retentionMs = options.idempotencyRetentionMs ?? 24 * 3600_000;
  const idempotency = createIdempotencyStore({
    retentionMs,
    maxRecords: options.maxIdempotencyRecords ?? DEFAULT_MAX_IDEMPOTENCY_RECORDS,
    now: Date.now,
  });
  // The realistic profile makes videos take minutes of wall time (4 steps of 30 s), polled or not.
  const realistic = latency?.kind === 'realistic';
  const stepMs = options.stepMs ?? (realistic ? 30_000 : 2000);
  const log = options.log ?? (line => process.stdout.write(line + '\n'));
  const webhookSecret = options.webhookSecret ?? newWebhookSecret();
  const closing = new AbortController();

  const deliveries: Delivery[] = [];
  const sender = createWebhookSender({
    secret: webhookSecret,
    ...(options.webhookRetryDelaysMs ? { retryDelaysMs: options.webhookRetryDelaysMs } : {}),
    onDelivery: d => {
      if (deliveries.push(d) > 1000) deliveries.shift();
      log(
        `webhook ${d.type} ${d.webhookId} -> ${d.url} ${d.outcome} (${d.attempts} attempt${d.attempts === 1 ? '' : 's'})`,
      );
    },
  });
  const templates = jobTemplates(requireOperation(contract, 'getVideoGeneration'));
  const jobs = createJobStore(templates, {
    maxJobs: options.maxJobs ?? 1000,
    stepMs,
    defaultSteps: options.jobSteps ?? 4,
    advanceOnPoll: !realistic,
    onTerminal: (job, body) => {
      if (!job.request.callbackUrl) return;
      void sender.send(job.request.callbackUrl, {
        type: `video.generation.${body.status}`,
        timestamp: new Date().toISOString(),
        data: body,
      });
    },
    // A dropped job is forgotten by its account too (no refund: it is gone, the books still add up).
    onDrop: job => {
      const owner = job.request.owner !== undefined ? accounts.peek(job.request.owner) : undefined;
      owner?.running.delete(job.id);
      owner?.jobs.delete(job.id);
    },
  });
  const generations = createGenerations({
    fixtures,
    index,
    jobs,
    templates,
    idempotency,
    limits,
    maxConcurrent,
    shownLimit: maxConcurrent ?? DEFAULT_MAX_CONCURRENT,
    stepMs,
  });
  const { settle } = generations;
  const canned = createCannedAnswers(index, rateLimit ?? DEFAULT_RATE_LIMIT);
  const accounts = createAccountStore({
    maxAccounts: options.maxAccounts ?? DEFAULT_MAX_ACCOUNTS,
    now: Date.now,
    startFor: key => (index.exact('api_key', key)?.error === 'quota_exceeded' ? 0 : startBalance),
    onEvict: account => account.jobs.forEach(id => jobs.drop(id)),
  });

  /** The answer to a request that matched `op`, with the account's state. */
  async function answerOperation(
    op: Operation,
    params: Record<string, string>,
    req: MockRequest,
    signal: () => AbortSignal | undefined,
  ): Promise<Answer> {
    const own = req.headers.prefer ? preferTokens(req.headers.prefer) : {};
    const key = bearerKey(req.headers.authorization);
    const account = key !== undefined ? accounts.get(key) : undefined;
    const waitMs =
      own.latency !== undefined && /^\d{1,6}$/.test(own.latency)
        ? Number(own.latency)
        : delayFor(latency, op.operationId, random);
    if (waitMs > 0) await wait(waitMs, signal());
    const fault =
      own.fault !== undefined && isFaultKind(own.fault)
        ? own.fault
        : pickFault(account?.faults ?? faults, random);
    const injected = fault !== undefined ? canned.fault(op, fault) : undefined;
    if (injected) return { ...injected, note: `fault ${fault}` };
    const unread = [
      own.fault !== undefined &&
        !isFaultKind(own.fault) &&
        `fault=${own.fault} (one of ${FAULT_KINDS.join(', ')})`,
      own.latency !== undefined && !/^\d{1,6}$/.test(own.latency) && `latency=${own.latency} (ms)`,
    ].filter(Boolean);
    const warning: Record<string, string> = unread.length
      ? { 'x-mock-warning': headerSafe(`Prefer ignored: ${unread.join('; ')}`) }
      : {};
    if (key !== undefined && account) {
      const testKey = canned.testKey(op, key);
      if (testKey) return { ...testKey, headers: { ...warning, ...testKey.headers } };
    }
    const count = account ? countRequest(account, rateLimit ?? DEFAULT_RATE_LIMIT, Date.now()) : undefined;
    const answer = await stateful(op, params, req, account, count);
    answer.headers = { ...warning, ...answer.headers };
    // X-RateLimit-* count down on every answer to a key; with no limit, only a 429 carries them (the contract requires it).
    if (count && (rateLimit !== null || answer.status === 429))
      answer.headers = { ...rateHeaders(count), ...answer.headers };
    return answer;
  }

  /** After the limits: what the contract says (Prism), then what the account's state makes of it. */
  async function stateful(
    op: Operation,
    params: Record<string, string>,
    req: MockRequest,
    account: Account | undefined,
    count: RateCount | undefined,
  ): Promise<Answer> {
    if (count?.spent && rateLimit !== null) return rateLimitAnswer(count);
    const given = await answerContract(op, req);
    if (given.kind === 'route_not_found') return routeNotFound(req.method, req.path);
    const warning = given.warning !== undefined ? { 'x-mock-warning': headerSafe(given.warning) } : undefined;
    if (given.kind === 'error') {
      // An id that names no generation is a 404 whatever its shape: clients treat ids as opaque.
      const error =
        op.operationId === 'getVideoGeneration' && given.error.param === 'id'
          ? notFoundGeneration(params.id ?? '')
          : given.error;
      return errorAnswer(error, warning);
    }
    const note = given.forced
      ? `prefer ${given.prefs.code ?? ''}${given.prefs.example ? ' ' + given.prefs.example : ''}`.trim()
      : undefined;
    if (given.forced || !account || given.status >= 300) {
      // A forced example still describes the generation that was asked for.
      const body =
        given.forced && params.id && isObject(given.body) && typeof given.body.id === 'string'
          ? JSON.parse(JSON.stringify(given.body).replaceAll(given.body.id, params.id))
          : given.body;
      return {
        status: given.status,
        body,
        headers: { ...given.headers, ...warning },
        ...(note ? { note } : {}),
      };
    }
    const request = (isObject(given.request) ? given.request : {}) as JsonObject;
    let answer: Answer;
    switch (op.operationId) {
      case 'listModels':
        answer = { status: 200, body: listModels(fixtures, req.query.get('type')) };
        break;
      case 'getBalance':
        answer = {
          status: 200,
          body: { balance: renderMoney(settle(account).balance), currency: fixtures.currency },
        };
        break;
      case 'getVideoGeneration':
        answer = generations.poll(account, params.id ?? '');
        break;
      case 'generateImage':
      case 'createVideoGeneration': {
        const steps = given.prefs.steps !== undefined ? Number(given.prefs.steps) : undefined;
        answer = generations.generate(
          op,
          op.operationId === 'generateImage' ? 'image' : 'video',
          account,
          request,
          given.body,
          req.headers['idempotency-key'],
          given.prefs.fail,
          steps,
        );
        break;
      }
      default:
        answer = { status: given.status, body: given.body };
    }
    // The state's answer, not the example's: none of the headers Prism made for the example.
    answer.headers = { ...warning, ...answer.headers };
    return answer;
  }

  /** The contract's answer to a method and path it does not have. */
  function routeNotFound(method: string, path: string): Answer {
    const e = contractError('not_found', `No route for ${method.toUpperCase()} ${headerSafe(path)}.`, null, {
      resource: 'route',
    });
    return errorAnswer(e);
  }

  /** A /_mock/ route, or a 404 as if it did not exist when control is not allowed for this caller. */
  function answerControlRoute(method: string, path: string, text: string, context: RequestContext): Answer {
    if (!controlAllowed(control, context.remoteAddress)) return routeNotFound(method, path);
    const result = answerControl(method, path, text, {
      currency: fixtures.currency,
      account: key => settle(accounts.get(key)),
      resetAccount: key => accounts.reset(key),
      resetAll() {
        accounts.resetAll();
        idempotency.clear();
        jobs.close();
        deliveries.length = 0;
      },
      job: id => jobs.get(id),
      advance(job: Job, steps?: number) {
        jobs.advance(job, steps);
        const owner = job.request.owner !== undefined ? accounts.peek(job.request.owner) : undefined;
        if (owner) generations.settleJob(owner, job.id);
      },
      deliveries: () => deliveries,
    });
    return { status: result.status, body: result.body, note: 'control' };
  }

  /** A stalled answer never comes: it waits until the caller gives up or the mock closes. */
  async function stall(signal: AbortSignal | undefined): Promise<void> {
    const ended = signal ? AbortSignal.any([signal, closing.signal]) : closing.signal;
    if (ended.aborted) return;
    await new Promise(resolve => ended.addEventListener('abort', resolve, { once: true }));
  }

  /** The answer to one request, in plain values: what `handle` and the HTTP server both call. */
  async function respond(input: MockInput): Promise<MockOutput> {
    const requestId = newRequestId();
    const started = performance.now();
    const method = input.method.toUpperCase();
    const q = input.target.indexOf('?');
    const path = q < 0 ? input.target : input.target.slice(0, q);
    const base: Record<string, string> = {
      'x-request-id': requestId,
      'access-control-allow-origin': '*',
      'access-control-expose-headers': EXPOSED,
    };
    // A CORS preflight is the browser's, not an API call: it is answered so that a frontend can use the mock.
    if (method === 'OPTIONS' && input.headers['access-control-request-method'] !== undefined) {
      const allowed = {
        'access-control-allow-methods': 'GET, POST, PUT',
        'access-control-allow-headers': input.headers['access-control-request-headers'] ?? '*',
        'access-control-max-age': '600',
      };
      return { kind: 'answer', status: 204, headers: { ...base, ...allowed }, body: null };
    }
    let answer: Answer;
    try {
      if (path.startsWith(CONTROL_PREFIX)) {
        answer = answerControlRoute(
          method,
          path,
          input.bytes ? new TextDecoder().decode(input.bytes) : '',
          input,
        );
      } else {
        const matched = matchOperation(contract, method, path);
        const req: MockRequest = {
          method,
          path,
          query: new URLSearchParams(q < 0 ? '' : input.target.slice(q + 1)),
          headers: { ...input.headers },
          bytes: input.bytes,
        };
        answer = matched
          ? await answerOperation(matched.operation, matched.params, req, () => input.signal)
          : routeNotFound(method, path);
      }
    } catch (error) {
      answer = {
        status: 500,
        error: contractError('server_error', 'The mock failed to answer this request.'),
        note: (error as Error).message,
      };
    }
    if (answer.transport) {
      log(
        formatRequestLine({
          method,
          path,
          status: 0,
          ms: performance.now() - started,
          requestId,
          note: `fault ${answer.transport}`,
        }),
      );
      if (answer.transport === 'stall') await stall(input.signal);
      return { kind: 'transport_fault' };
    }
    const body = answer.error ? errorBody(answer.error, requestId) : answer.body;
    if (isObject(body) && isObject(body.error) && answer.status >= 400 && answer.note !== 'control')
      body.error.request_id = requestId;
    log(
      formatRequestLine({
        method,
        path,
        status: answer.status,
        ms: performance.now() - started,
        requestId,
        ...(answer.note ? { note: answer.note } : {}),
      }),
    );
    return {
      kind: 'answer',
      status: answer.status,
      headers: { ...answer.headers, ...base, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    };
  }

  /** The mock as a fetch handler: a transport fault is a `Response.error()`. */
  async function handle(request: Request, context: RequestContext = {}): Promise<Response> {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const bytes = context.bodyTooLarge ? undefined : await readBytes(request, limits.request);
    const out = await respond({
      ...context,
      method: request.method,
      target: url.pathname + url.search,
      headers,
      bytes,
      signal: request.signal,
    });
    return out.kind === 'transport_fault'
      ? Response.error()
      : new Response(out.body, { status: out.status, headers: out.headers });
  }

  return {
    handle,
    respond,
    webhookSecret,
    limits,
    /** The one state model: read it in tests, change it through /_mock/. */
    state: {
      fixtures,
      accounts,
      jobs,
      idempotency,
      deliveries: deliveries as readonly Delivery[],
      /** The account's books, with ended videos booked. */
      books: (key: string) => books(settle(accounts.get(key)), fixtures.currency),
    },
    async close() {
      closing.abort();
      jobs.close();
      await sender.close();
    },
  };
}

export type Mock = Awaited<ReturnType<typeof createMock>>;

/** The body's bytes; a body over `limit` is not kept (the answer is a 413). */
async function readBytes(request: Request, limit: number): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array(0);
  const bytes = new Uint8Array(await request.arrayBuffer());
  return bytes.length > limit ? undefined : bytes;
}

export type { Json };
