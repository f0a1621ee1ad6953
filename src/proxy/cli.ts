// `mediagen-contract proxy <upstream-url>`: the validating proxy from the command line (src/contract/cli.ts
// hands it the arguments after `proxy`). Runs until SIGINT or SIGTERM, then prints the summary by
// operation and kind of violation.
import { parseArgs } from 'node:util';
import { stopOnSignals, usageFailure } from '../kernel/cli.ts';
import {
  limitFlagOptions,
  limitFlagUsage,
  readLimitFlags,
  SERVER_LIMIT_FLAGS,
} from '../kernel/limit-flags.ts';
import { startProxy } from './start.ts';
import type { ProxyOptions } from './types.ts';

/** The server limits' flags; the body bytes one is the mock's (the proxy streams bodies through). */
const LIMIT_FLAGS = SERVER_LIMIT_FLAGS.filter(f => f.key !== 'maxBodyBytesInFlight');

export const proxyUsage = `Usage: mediagen-contract proxy <upstream-url> [options]
  Forwards every request to <upstream-url> and checks every answer against the contract.
  --port N                port to listen on (default: PORT, else 4010; 0 picks a free one)
  --host HOST             address to bind (default 127.0.0.1)
  --strict                replace an answer that breaks the contract by a 502 bad_gateway naming the violations
  --report FILE           write every violation to FILE as JSON lines
  --upstream-timeout MS   how long the upstream has to answer before the caller gets a 504 (default 60000)
${limitFlagUsage(LIMIT_FLAGS, 26)}
                          (every limit: docs/limits.md)
  --help                  this text
Environment: PORT`;

/** The proxy's options from its arguments; a problem is thrown as one line naming it. */
export function parseProxyArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ProxyOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      strict: { type: 'boolean', default: false },
      report: { type: 'string' },
      'upstream-timeout': { type: 'string' },
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
  const count = (name: string, raw: string | undefined, min: number) => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be an integer of at least ${min}, got '${raw}'`);
    return n;
  };
  const port = count('port', values.port ?? env.PORT, 0);
  const timeout = count('upstream-timeout', values['upstream-timeout'], 1);
  const serverLimits = readLimitFlags(LIMIT_FLAGS, values);
  return {
    upstream: positionals[0]!,
    port: port ?? 4010,
    host: values.host,
    strict: values.strict,
    ...(values.report !== undefined ? { reportFile: values.report } : {}),
    ...(timeout !== undefined ? { upstreamTimeoutMs: timeout } : {}),
    ...(Object.keys(serverLimits).length > 0 ? { serverLimits } : {}),
  };
}

const fail: (message: string) => never = usageFailure('mediagen-contract proxy', proxyUsage);

/** Runs the proxy; it returns only by ending the process (a signal, or bad input). */
export async function runProxyCli(argv: string[]): Promise<never> {
  let options: ProxyOptions | 'help';
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
  if (options.reportFile) console.log(`Report: ${options.reportFile} (JSON lines)`);
  stopOnSignals(
    () => proxy.close(),
    () => proxy.report.summary(),
  );
  return new Promise<never>(() => {});
}
