// The command-line flags of the limits in server-limits.ts, for `mediagen-mock` and
// `mediagen-contract proxy` alike: each flag names one limit, its --help line gives the default
// from that module, and a bad value is an error naming the flag. docs/limits.md has the table.
import { integerArg } from './cli.ts';
import {
  DEFAULT_MAX_DELIVERIES_IN_FLIGHT,
  DEFAULT_MAX_DELIVERIES_QUEUED,
  DEFAULT_SERVER_LIMITS,
  type ServerLimits,
} from './server-limits.ts';

interface LimitFlag<K extends string> {
  flag: string;
  key: K;
  fallback: number;
  help: string;
}

/** The server limits' flags, for both servers. */
export const SERVER_LIMIT_FLAGS: readonly LimitFlag<keyof ServerLimits>[] = [
  ['headers-timeout-ms', 'headersTimeoutMs', 'ms a peer has to send its headers'],
  ['request-timeout-ms', 'requestTimeoutMs', 'ms a peer has to send its whole request'],
  ['keep-alive-timeout-ms', 'keepAliveTimeoutMs', 'ms a kept-alive connection waits for its next request'],
  ['idle-timeout-ms', 'idleTimeoutMs', 'ms with no traffic before a connection is closed'],
  ['max-connections', 'maxConnections', 'connections served at once; one more is closed at once'],
  ['max-body-bytes-in-flight', 'maxBodyBytesInFlight', 'request body bytes the mock holds at once'],
].map(([flag, key, help]) => ({
  flag: flag!,
  key: key as keyof ServerLimits,
  fallback: DEFAULT_SERVER_LIMITS[key as keyof ServerLimits],
  help: help!,
}));

/** The mock's webhook delivery caps' flags. */
export const DELIVERY_LIMIT_FLAGS: readonly LimitFlag<'maxDeliveriesInFlight' | 'maxDeliveriesQueued'>[] = [
  {
    flag: 'max-deliveries-in-flight',
    key: 'maxDeliveriesInFlight',
    fallback: DEFAULT_MAX_DELIVERIES_IN_FLIGHT,
    help: 'webhook deliveries on the wire at once',
  },
  {
    flag: 'max-deliveries-queued',
    key: 'maxDeliveriesQueued',
    fallback: DEFAULT_MAX_DELIVERIES_QUEUED,
    help: 'deliveries waiting for a slot (past it: not sent)',
  },
];

/** The flags for node:util parseArgs: each takes a value. */
export const limitFlagOptions = (flags: readonly LimitFlag<string>[]) =>
  Object.fromEntries(flags.map(f => [f.flag, { type: 'string' as const }]));

/**
 * The --help lines of `flags`, the help at `column` (on the next line after a long flag), with
 * defaults; `defaults` says it instead for a flag whose tool changes it.
 */
export function limitFlagUsage(
  flags: readonly LimitFlag<string>[],
  column: number,
  defaults: Record<string, string> = {},
): string {
  return flags
    .map(f => {
      const head = `  --${f.flag} N`;
      const at = head.length < column ? head.padEnd(column) : `${head}\n${' '.repeat(column)}`;
      return `${at}${f.help} (${defaults[f.flag] ?? `default ${f.fallback}`})`;
    })
    .join('\n');
}

/**
 * The limits the flags in `values` set; a value that is not a positive integer (for a `-ms` flag, one
 * a timer holds) names its flag.
 */
export function readLimitFlags<K extends string>(
  flags: readonly LimitFlag<K>[],
  values: Record<string, unknown>,
): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const { flag, key } of flags) {
    const value = integerArg(`--${flag}`, values[flag], flag.endsWith('-ms') ? 'ms' : 'positive');
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * The server limits the flags set, the headers timeout no longer than the request's (Node refuses
 * that at start, naming options the user did not type), the unset one taken at its default.
 */
export function readServerLimitFlags(
  flags: readonly LimitFlag<keyof ServerLimits>[],
  values: Record<string, unknown>,
): Partial<ServerLimits> {
  const set = readLimitFlags(flags, values);
  const { headersTimeoutMs: headers, requestTimeoutMs: request } = { ...DEFAULT_SERVER_LIMITS, ...set };
  if (headers <= request) return set;
  throw new Error(
    set.headersTimeoutMs !== undefined
      ? `--headers-timeout-ms must not be over --request-timeout-ms (${request}), got '${headers}'`
      : `--request-timeout-ms must not be under --headers-timeout-ms (${headers}), got '${request}'`,
  );
}
