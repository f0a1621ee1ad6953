// `mediagen-contract proxy <upstream-url>`: the validating proxy from the command line (src/contract/cli.ts
// hands it the arguments after `proxy`). Runs until SIGINT or SIGTERM, then prints the summary by
// operation and kind of violation, writes the report, and exits 1 if it saw a violation or an upstream
// failure (unless --fail-on none), so that `proxy & e2e tests; kill proxy` fails a CI job.
import { parseArgs } from 'node:util';
import { integerArg, portArg, stopOnSignals, usageFailure } from '../kernel/cli.ts';
import { guideUrl } from '../kernel/links.ts';
import {
  limitFlagOptions,
  limitFlagUsage,
  readServerLimitFlags,
  SERVER_LIMIT_FLAGS,
} from '../kernel/limit-flags.ts';
import { DEFAULT_MAX_DECODED_BYTES, DEFAULT_SERVER_LIMITS } from '../kernel/server-limits.ts';
import { DEFAULT_UPSTREAM_TIMEOUT_MS, IDLE_PAST_UPSTREAM_MS, raisedIdleTimeoutMs } from './context.ts';
import { startProxy } from './start.ts';
import { PROXY_TOOL, REPORT_FORMATS, type ReportFormat } from './report-file.ts';
import type { ProxyReport } from './report.ts';
import type { ProxyOptions } from './types.ts';

/** The server limits' flags; the body bytes one is the mock's (the proxy streams bodies through). */
const LIMIT_FLAGS = SERVER_LIMIT_FLAGS.filter(f => f.key !== 'maxBodyBytesInFlight');

/** Where the help of an option starts in --help. */
const COLUMN = 26;

/** The idle timeout as the proxy sets it when not given (src/proxy/context.ts): past the upstream's. */
const IDLE_DEFAULT = [
  `default ${DEFAULT_SERVER_LIMITS.idleTimeoutMs}, raised`,
  `to ${IDLE_PAST_UPSTREAM_MS} ms past --upstream-timeout: ${raisedIdleTimeoutMs(DEFAULT_UPSTREAM_TIMEOUT_MS)} with its default; if given, it`,
  'must be over --upstream-timeout',
].join(`\n${' '.repeat(COLUMN)}`);

export const proxyUsage = `Usage: mediagen-contract proxy <upstream-url> [options]
  Forwards every request to <upstream-url> and checks every answer against the contract.
  --port N                port to listen on (default: PORT, else 4010; 0 picks a free one)
  --host HOST             address to bind (default 127.0.0.1)
  --strict                replace an answer that breaks the contract by a 502 bad_gateway naming the violations
  --report FILE           write the report to FILE (default format: every finding as a JSON line)
  --report-format FORMAT  jsonl, sarif (the findings, for code scanning) or har (every exchange, HAR 1.2,
                          for mediagen-contract check); har is written as it comes, sarif on shutdown
  --fail-on WHAT          violation: exit 1 on shutdown after a violation or an upstream failure
                          (default); none: exit 0 whatever was seen
  --upstream-timeout MS   how long the upstream has to answer before the caller gets a 504 (default ${DEFAULT_UPSTREAM_TIMEOUT_MS})
  --max-decoded-bytes N   bytes of a compressed answer decoded to check it; past them a 502
                          (default ${DEFAULT_MAX_DECODED_BYTES})
${limitFlagUsage(LIMIT_FLAGS, COLUMN, { 'idle-timeout-ms': IDLE_DEFAULT })}
                          (every limit: ${guideUrl('limits')})
  --help                  this text
Environment: PORT
Exit status: 0 on SIGINT or SIGTERM after a clean run (or with --fail-on none), 1 after a violation
or an upstream failure, 2 on bad input.
Docs: ${guideUrl('proxy')}`;

const FAIL_ON = ['violation', 'none'] as const;

const FORMAT_NAMES: Record<ReportFormat, string> = {
  jsonl: 'JSON lines',
  sarif: 'SARIF 2.1.0, written on shutdown',
  har: 'HAR 1.2 of every exchange, written as it comes',
};

export interface ProxyCliOptions extends ProxyOptions {
  failOn: (typeof FAIL_ON)[number];
}

/** The status the proxy exits with on shutdown: 1 when it saw what `failOn` fails on. */
export const exitStatus = (failOn: ProxyCliOptions['failOn'], report: ProxyReport) =>
  failOn === 'violation' && report.violations + report.failures > 0 ? 1 : 0;

/** A choice among `allowed`, or an error naming the option. */
function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(raw))
    throw new Error(`--${name} must be one of ${allowed.join(', ')}, got '${raw}'`);
  return raw as T;
}

/** A caller waiting on a slow upstream sees no traffic: it must get the 504, not a closed connection. */
function idleOverUpstream(idle: number | undefined, upstream: number): void {
  if (idle !== undefined && idle <= upstream)
    throw new Error(`--idle-timeout-ms must be over --upstream-timeout (${upstream}), got '${idle}'`);
}

/** The proxy's options from its arguments; a problem is thrown as one line naming it. */
export function parseProxyArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): ProxyCliOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      strict: { type: 'boolean', default: false },
      report: { type: 'string' },
      'report-format': { type: 'string' },
      'fail-on': { type: 'string', default: 'violation' },
      'upstream-timeout': { type: 'string' },
      'max-decoded-bytes': { type: 'string' },
      help: { type: 'boolean', default: false },
      ...limitFlagOptions(LIMIT_FLAGS),
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1)
    throw new Error(
      positionals.length === 0
        ? 'the upstream URL is missing'
        : `one upstream URL expected, got ${positionals.length}: ${positionals.join(' ')}`,
    );
  const port = portArg(values.port, env.PORT, 4010);
  const timeout = integerArg('--upstream-timeout', values['upstream-timeout'], 'ms');
  const maxDecodedBytes = integerArg('--max-decoded-bytes', values['max-decoded-bytes'], 'positive');
  const format = values['report-format'];
  if (format !== undefined && values.report === undefined)
    throw new Error('--report-format needs --report FILE');
  const serverLimits = readServerLimitFlags(LIMIT_FLAGS, values);
  idleOverUpstream(serverLimits.idleTimeoutMs, timeout ?? DEFAULT_UPSTREAM_TIMEOUT_MS);
  return {
    failOn: oneOf('fail-on', values['fail-on'], FAIL_ON),
    upstream: positionals[0]!,
    port,
    host: values.host,
    strict: values.strict,
    ...(values.report !== undefined ? { reportFile: values.report } : {}),
    ...(format !== undefined ? { reportFormat: oneOf('report-format', format, REPORT_FORMATS) } : {}),
    ...(timeout !== undefined ? { upstreamTimeoutMs: timeout } : {}),
    ...(maxDecodedBytes !== undefined ? { maxDecodedBytes } : {}),
    ...(Object.keys(serverLimits).length > 0 ? { serverLimits } : {}),
  };
}

const fail: (message: string) => never = usageFailure(PROXY_TOOL, proxyUsage);

/** Runs the proxy; it returns only by ending the process (a signal, or bad input). */
export async function runProxyCli(argv: string[]): Promise<never> {
  let options: ProxyCliOptions | 'help';
  try {
    options = parseProxyArgs(argv);
  } catch (error) {
    fail((error as Error).message);
  }
  if (options === 'help') {
    console.log(proxyUsage);
    process.exit(0);
  }
  const { port } = options;
  const proxy = await startProxy(options).catch((error: NodeJS.ErrnoException) =>
    fail(error.code === 'EADDRINUSE' ? `port ${port} is in use; pass --port or PORT` : error.message),
  );
  const mode = options.strict
    ? 'strict: answers that break the contract become 502'
    : 'observe: answers pass through, violations are logged';
  console.log(`Mediagen proxy listening on ${proxy.url} -> ${proxy.upstream} (${mode})`);
  if (options.reportFile)
    console.log(`Report: ${options.reportFile} (${FORMAT_NAMES[options.reportFormat ?? 'jsonl']})`);
  const { failOn } = options;
  stopOnSignals(
    () => proxy.close(),
    () => proxy.report.summary(),
    () => exitStatus(failOn, proxy.report),
  );
  return new Promise<never>(() => {});
}
