// What one peer may hold of the mock's and the proxy's HTTP servers, set here for both: how long it
// may take to send its headers and its request, how long a connection may sit idle, how many
// connections are served at once, how many body bytes the mock holds at once, and how much of a
// compressed answer the proxy decodes.
import type { Server, ServerOptions } from 'node:http';
import { timerMs } from './timer.ts';

export interface ServerLimits {
  /** Time for a request's headers, from the connection or the previous answer (default 10 s). */
  headersTimeoutMs: number;
  /** Time for a whole request, body included (default 120 s: a 25 MiB body on a slow link). */
  requestTimeoutMs: number;
  /** How long a kept-alive connection waits for its next request (default 5 s). */
  keepAliveTimeoutMs: number;
  /** A connection with no traffic either way for this long is closed (default 60 s). */
  idleTimeoutMs: number;
  /** Connections served at once; one more is closed at once (default 1,000). */
  maxConnections: number;
  /**
   * Request body bytes the mock's HTTP server holds at once, summed over the requests being read or
   * answered (default 256 MiB); a request that would go past it gets `503 service_unavailable`. The
   * proxy streams bodies through and holds none.
   */
  maxBodyBytesInFlight: number;
}

export const DEFAULT_SERVER_LIMITS: Readonly<ServerLimits> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5000,
  idleTimeoutMs: 60_000,
  maxConnections: 1000,
  maxBodyBytesInFlight: 256 * 1024 * 1024,
};

/** Decoded bytes of one compressed answer the proxy will check (default 8 MiB); past it, a 502. */
export const DEFAULT_MAX_DECODED_BYTES = 8 * 1024 * 1024;

/** Webhook deliveries the mock has on the wire at once; more wait in a queue (default 100). */
export const DEFAULT_MAX_DELIVERIES_IN_FLIGHT = 100;
/** Deliveries waiting for a slot; past this an attempt is recorded as not sent (default 1,000). */
export const DEFAULT_MAX_DELIVERIES_QUEUED = 1000;

/** A count option checked when it is given: a positive integer, or an error naming it. */
export function positiveInteger(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return value;
}

/** The limits with defaults filled in; each given one checked, named under `option`. */
export function readServerLimits(given: Partial<ServerLimits> | undefined, option: string): ServerLimits {
  if (given !== undefined && (typeof given !== 'object' || given === null))
    throw new Error(`${option} must be an object, got ${JSON.stringify(given)}`);
  const limits = { ...DEFAULT_SERVER_LIMITS };
  for (const [name, value] of Object.entries(given ?? {})) {
    if (!(name in limits)) throw new Error(`${option}.${name} is not a server limit`);
    if (value === undefined) continue;
    // The timeouts are timers: past what one holds, they would fire at once.
    const check = name.endsWith('Ms') ? timerMs : positiveInteger;
    limits[name as keyof ServerLimits] = check(`${option}.${name}`, value);
  }
  // Node refuses a headers timeout longer than the request's.
  if (limits.headersTimeoutMs > limits.requestTimeoutMs)
    throw new Error(`${option}.headersTimeoutMs must not be over ${option}.requestTimeoutMs`);
  return limits;
}

/** The createServer options for `limits`: timeouts are checked often enough to hold when small. */
export const serverOptions = (limits: ServerLimits): ServerOptions => ({
  headersTimeout: limits.headersTimeoutMs,
  requestTimeout: limits.requestTimeoutMs,
  keepAliveTimeout: limits.keepAliveTimeoutMs,
  connectionsCheckingInterval: Math.max(10, Math.min(30_000, Math.floor(limits.headersTimeoutMs / 4))),
});

/** Applies what createServer does not take: the idle timeout and the connection cap. */
export function boundServer(server: Server, limits: ServerLimits): void {
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // With no 'timeout' listener Node destroys the idle socket.
  server.timeout = limits.idleTimeoutMs;
  server.maxConnections = limits.maxConnections;
}
