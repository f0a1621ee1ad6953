// What every step of the proxy's request path shares, resolved once from the options (the upstream,
// the validator, the report, the limits), and how a finding is written down.
import { createContractValidator, type ContractValidator } from '../contract/index.ts';
import {
  DEFAULT_MAX_DECODED_BYTES,
  DEFAULT_SERVER_LIMITS,
  readServerLimits,
  type ServerLimits,
} from '../kernel/server-limits.ts';
import { checkOptions, type OptionTable } from '../kernel/options.ts';
import { createUpstream, upstreamLabel, type Upstream } from './forward.ts';
import type { Redact } from './redact.ts';
import { createReport, formatRecord, type ReportRecord, type ReportWriter } from './report.ts';
import { isObject } from '../kernel/json.ts';
import type { HarEntry } from './har.ts';
import { openReportFile } from './report-file.ts';
import type { ProxyOptions } from './types.ts';

export interface ProxyContext {
  upstream: Upstream;
  /** The upstream as it may be printed (no credentials). */
  label: string;
  validator: ContractValidator;
  report: ReportWriter;
  /** Set when a HAR is written: takes each exchange's entry. */
  har?: (entry: HarEntry) => void;
  log: (line: string) => void;
  strict: boolean;
  timeoutMs: number;
  maxBodyBytes: number;
  /** Decoded bytes of a compressed answer that are checked; past them, a 502. */
  maxDecodedBytes: number;
  serverLimits: ServerLimits;
}

/** How far past the upstream timeout the idle timeout is raised when it is not given. */
export const IDLE_PAST_UPSTREAM_MS = 1000;

/** The idle timeout the proxy sets when it is not given: the default, or past the upstream's if longer. */
export const raisedIdleTimeoutMs = (upstreamTimeoutMs: number): number =>
  Math.max(DEFAULT_SERVER_LIMITS.idleTimeoutMs, upstreamTimeoutMs + IDLE_PAST_UPSTREAM_MS);

/**
 * The server limits with the idle timeout past the upstream's: a caller waiting on a slow upstream
 * sees no traffic, and must get the 504, not a closed connection.
 */
function proxyServerLimits(given: ProxyOptions['serverLimits'], upstreamTimeoutMs: number): ServerLimits {
  const limits = readServerLimits(given, 'serverLimits');
  if (given?.idleTimeoutMs === undefined)
    return { ...limits, idleTimeoutMs: raisedIdleTimeoutMs(upstreamTimeoutMs) };
  if (limits.idleTimeoutMs <= upstreamTimeoutMs)
    throw new Error(`serverLimits.idleTimeoutMs must be over upstreamTimeoutMs (${upstreamTimeoutMs})`);
  return limits;
}

/** The kind of each of startProxy's options (src/kernel/options.ts). */
const PROXY_OPTION_TABLE: OptionTable = {
  upstream: 'string',
  port: 'port',
  host: 'string',
  strict: 'boolean',
  upstreamTimeoutMs: 'timer',
  reportFile: 'string',
  maxSarifResults: 'count',
  maxBodyBytes: 'count',
  maxDecodedBytes: 'count',
  serverLimits: 'object',
  log: 'function',
  validator: 'object',
};

/** How long the upstream has to answer when `upstreamTimeoutMs` is not given. */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 60_000;

/** The context for `options`; throws on an upstream URL it cannot use or a report file it cannot open. */
export function contextOf(options: ProxyOptions): ProxyContext {
  // Checked before anything is opened: a bad option leaves nothing to release.
  checkOptions('startProxy', options, PROXY_OPTION_TABLE);
  if (options.upstream === undefined) throw new TypeError('startProxy: upstream is required');
  const timeoutMs = options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const serverLimits = proxyServerLimits(options.serverLimits, timeoutMs);
  const maxDecodedBytes = options.maxDecodedBytes ?? DEFAULT_MAX_DECODED_BYTES;
  const upstream = createUpstream(options.upstream);
  const label = upstreamLabel(upstream.url);
  const validator = options.validator ?? createContractValidator();
  const { info } = validator.contract.spec;
  const version = isObject(info) ? String(info.version) : '';
  const log = options.log ?? (line => process.stdout.write(line + '\n'));
  const limits = { log, maxSarifResults: options.maxSarifResults };
  const file =
    options.reportFile &&
    openReportFile(options.reportFile, options.reportFormat ?? 'jsonl', label, version, limits);
  return {
    upstream,
    label,
    validator,
    report: createReport(file || undefined),
    ...(file && file.exchange ? { har: file.exchange } : {}),
    log,
    strict: options.strict ?? false,
    timeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    maxDecodedBytes,
    serverLimits,
  };
}

/** Reports a record and logs its line; every text field passed through `redact` first. */
export function record(ctx: ProxyContext, fields: Omit<ReportRecord, 'time'>, redact: Redact): void {
  const r: ReportRecord = {
    time: new Date().toISOString(),
    ...fields,
    path: redact(fields.path),
    requestId: redact(fields.requestId),
    where: redact(fields.where),
    message: redact(fields.message),
  };
  ctx.report.add(r);
  ctx.log(redact(formatRecord(r)));
}
