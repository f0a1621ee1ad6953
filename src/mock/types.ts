// The public types of @mediagen/mock, written for its users: the options of the core and of the
// HTTP server, the mock itself, the server, the in-process fetch, and the read-only view of the state.
import type { ControlAccess } from './control-access.ts';
import type { FaultSettings, Latency } from './faults.ts';
import type { Fixtures, FixturesInput } from './fixtures.ts';
import type { PayloadLimits } from './payload-limits.ts';
import type { Spec } from '../kernel/index.ts';
import type { ServerLimits } from '../kernel/server-limits.ts';
import type { MockStateView } from './state/view.ts';

export type { AccountBooks, JobView, MockStateView, StateSizes } from './state/view.ts';
export type { Delivery, DeliveryAttempt } from './webhooks.ts';
export type { ControlAccess, FaultSettings, Fixtures, FixturesInput, Latency, PayloadLimits };

/** How the mock behaves: the contract, the fixtures, limits, jobs, latency and faults. */
export interface MockOptions {
  /** The bundled contract (default: the one this package was built with). */
  spec?: Spec;
  /** `whsec_<base64>`; a fresh one is made when absent. */
  webhookSecret?: string;
  /** Steps from pending to the end of a video generation (one per poll or per stepMs). */
  jobSteps?: number;
  stepMs?: number;
  maxJobs?: number;
  /**
   * Waits before each webhook retry, in ms (the first attempt is immediate), or `contract` (the
   * default): the waits the contract declares, backoff for up to 24 hours.
   */
  webhookRetryDelaysMs?: readonly number[] | 'contract';
  /** Multiplies the retry waits: 0.001 makes the contract's 24 hours 86.4 s (default 1). */
  webhookTimeScale?: number;
  /**
   * A JSON file that keeps the state (accounts, jobs, idempotency records, deliveries) across restarts:
   * restored at start, written atomically after changes. Without it the state lives in memory only.
   * A file that cannot be read or is not a state file of this version is refused (an Error).
   */
  stateFile?: string;
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
  /**
   * When set, a /_mock/ request must carry it in `X-Mock-Control-Token`, else it is answered as a route
   * that does not exist: for a mock shared beyond loopback.
   */
  controlToken?: string;
  /**
   * The only hosts webhooks may be delivered to, `host` or `host:port` (default: any host but the
   * mock's own addresses); a callback URL elsewhere is recorded as not sent.
   */
  webhookAllow?: readonly string[];
  /** Webhook deliveries on the wire at once, and waiting for a slot: defaults in docs/limits.md. */
  maxDeliveriesInFlight?: number;
  maxDeliveriesQueued?: number;
  /** Accounts kept in memory; the least recently used is evicted past it (default: docs/limits.md). */
  maxAccounts?: number;
  /**
   * How long an Idempotency-Key is remembered (default: the contract's, the Idempotency-Key
   * parameter's `x-retention-seconds`), and how many records in all (default: docs/limits.md).
   */
  idempotencyRetentionMs?: number;
  maxIdempotencyRecords?: number;
  /**
   * Where the mock is reached when it runs behind another name (`https://mock.example.test`, with a
   * path prefix if the proxy adds one): media URLs in answers use it instead of the request's origin.
   */
  publicUrl?: string;
  /** Source of randomness for latency and faults. */
  random?: () => number;
}

/** The HTTP server's options: the mock's, and where to listen. */
export interface MockServerOptions extends MockOptions {
  /** Port to listen on (default 4010; 0 picks a free one). */
  port?: number;
  /** Address to bind (default 127.0.0.1). */
  host?: string;
  /** Timeouts and the connection cap (src/kernel/server-limits.ts gives the defaults). */
  serverLimits?: Partial<ServerLimits>;
}

/** Where the request came from: the HTTP server knows the peer and whether the body was too large. */
export interface RequestContext {
  remoteAddress?: string;
  /** The body was over the request limit and was not kept. */
  bodyTooLarge?: boolean;
}

/** One request in plain values; `target` is the path and query. `bytes` is undefined past the size limit. */
export interface MockInput extends RequestContext {
  method: string;
  target: string;
  /** Scheme and host the request came to (`http://127.0.0.1:4010`): media URLs in answers point there. */
  origin?: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  bytes: Uint8Array | undefined;
  /** Aborts when the caller gives up (a stalled answer then ends). */
  signal?: AbortSignal;
}

/** An answer (JSON as text, a media file as bytes), or a transport fault: the adapter cuts the connection. */
export type MockOutput =
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: string | Uint8Array | null }
  | { kind: 'transport_fault' };

/** The mock: one state model, answering requests in plain values or as a fetch handler. */
export interface Mock {
  /** The answer to one request, in plain values (what the HTTP server calls). */
  respond(input: MockInput): Promise<MockOutput>;
  /** The mock as a fetch handler: a transport fault is a `Response.error()`. */
  handle(request: Request, context?: RequestContext): Promise<Response>;
  readonly webhookSecret: string;
  /** The request body limits, read from the contract. */
  readonly limits: PayloadLimits;
  /** The state, read-only: change it through the /_mock/ routes. */
  readonly state: MockStateView;
  /** Stops the jobs' timers and the webhook deliveries. */
  close(): Promise<void>;
}

/** The mock on a port. */
export interface MockServer {
  url: string;
  port: number;
  webhookSecret: string;
  /** The core the server answers with. */
  mock: Mock;
  /** The core's state, read-only. */
  state: MockStateView;
  close(): Promise<void>;
}

/** A fetch answered by the mock, with no port. */
export type MockFetch = ((input: string | URL | Request, init?: RequestInit) => Promise<Response>) & {
  /** The core behind it: `state` for assertions. */
  ready: Promise<Mock>;
  close(): Promise<void>;
};
