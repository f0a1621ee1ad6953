// The mock CLI's options, parsed in one function (so that a subcommand dispatch can sit in front of
// it): each bad value is refused with one line naming the option, a bad fixtures file naming the
// problem in it.
import { parseArgs } from 'node:util';
import { integerArg, portArg, type IntegerKind } from '../kernel/cli.ts';
import { CONTROL_PREFIX } from '../kernel/control-prefix.ts';
import { guideUrl } from '../kernel/links.ts';
import {
  DELIVERY_LIMIT_FLAGS,
  limitFlagOptions,
  limitFlagUsage,
  readLimitFlags,
  readServerLimitFlags,
  SERVER_LIMIT_FLAGS,
} from '../kernel/limit-flags.ts';
import type { MockServerOptions } from './types.ts';
import { parseFaults, parseLatency } from './faults.ts';
import { loadFixturesFile } from './fixtures.ts';
import { parsePublicUrl } from './media/public-url.ts';
import { parseMoney } from './money.ts';
import {
  DEFAULT_MAX_ACCOUNTS,
  DEFAULT_MAX_CONCURRENT,
  DEFAULT_MAX_JOBS,
  DEFAULT_RATE_LIMIT,
} from './settings.ts';
import { parseWebhookAllow } from './webhooks/allow-list.ts';
import { parseRetrySchedule } from './webhooks/schedule.ts';

export const usage = `Usage: mediagen-mock [options]
  --port N               port to listen on (default: PORT, else 4010; 0 picks a free one)
  --host HOST            address to bind (default 127.0.0.1)
  --public-url URL       where the mock is reached behind another name (https://mock.example.test):
                         media URLs in answers use it (default: the origin each request came to)
  --fixtures FILE        models, starting balance and test values (JSON; default: the built-in table)
  --balance AMOUNT       starting balance of every new account, e.g. 25.00 (default 100.00)
  --rate-limit N/min     requests per key per minute (default ${DEFAULT_RATE_LIMIT}/min), or off
  --max-concurrent N     unfinished videos per key (default ${DEFAULT_MAX_CONCURRENT}), or off
  --latency L            delay before each answer: ms (250), a range (100-800), realistic, or none
                         (realistic also makes a video take 2 minutes, by time alone)
  --faults RATE[:KINDS]  share of requests that meet a fault, e.g. 0.1 or 0.2:service_unavailable,cut
                         (kinds: server_error, bad_gateway, service_unavailable, gateway_timeout,
                         rate_limit, stall, cut)
  --control / --no-control
                         the ${CONTROL_PREFIX}/ control routes for any caller / for none (default: loopback only)
  --control-token TOKEN  ${CONTROL_PREFIX}/ requests must carry X-Mock-Control-Token: TOKEN (else a 404)
  --job-steps N          polls a video generation takes to finish
  --job-step-ms N        ms after which a video generation also moves on by itself
  --max-jobs N           video generations kept in memory (oldest dropped first; default ${DEFAULT_MAX_JOBS})
  --max-accounts N       accounts (API keys) kept in memory (least recently used dropped; default ${DEFAULT_MAX_ACCOUNTS})
  --state FILE           keep accounts, jobs, idempotency records and deliveries in FILE across restarts
                         (default: in memory only, lost when the mock stops)
  --webhook-retries R    waits before each webhook retry: contract (default: backoff for up to 24 h),
                         none, or a list such as 1s,5s,30s (units ms, s, m, h)
  --webhook-time-scale X multiplies the retry waits, e.g. 0.001 (the contract's 24 h in 86.4 s)
  --webhook-allow H,...  the only host[:port] entries webhooks may go to (never the mock itself)
${limitFlagUsage([...SERVER_LIMIT_FLAGS, ...DELIVERY_LIMIT_FLAGS], 25)}
                         (every limit: ${guideUrl('limits')})
  --quiet                no request log
  --print-scenarios      print the Prefer table of every documented response, and exit
  --print-test-values    print the table of test values, and exit
  --help                 this text
Webhook tools (send a chosen event, resend, list deliveries): mediagen-mock webhooks --help
Environment: PORT, MEDIAGEN_WEBHOOK_SECRET (whsec_…; a fresh one is printed when unset),
  MEDIAGEN_CONTROL_TOKEN (as --control-token)
Docs: ${guideUrl('mock')} (test values: ${guideUrl('testValues')})`;

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'print-scenarios' }
  | { kind: 'print-test-values'; options: MockServerOptions }
  | { kind: 'serve'; options: MockServerOptions };

/** A value the user typed was wrong: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {}

/** Runs a parser of an option's value, naming the option in its error. */
function attempt<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`--${name}: ${(error as Error).message}`);
  }
}

/** An integer option (src/kernel/cli.ts): checked here, so that its error names the flag, not the option. */
function integer(name: string, raw: string | undefined, kind: IntegerKind = 'positive'): number | undefined {
  return attemptFlags(() => integerArg(`--${name}`, raw, kind));
}

/** The entries of `given` that are set. */
const defined = <T extends object>(given: T) =>
  Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as Partial<T>;

/** `off`, or a count with an optional unit (`/min` for the rate limit). */
function limit(name: string, raw: string, unit: string): number | null {
  if (raw === 'off') return null;
  const n = unit && raw.endsWith(unit) ? raw.slice(0, -unit.length) : raw;
  if (!/^\d+$/.test(n) || Number(n) < 1)
    throw new UsageError(
      `--${name} must be a positive integer${unit ? ` (optionally ${unit})` : ''} or off, got '${raw}'`,
    );
  return Number(n);
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string', default: '127.0.0.1' },
  fixtures: { type: 'string' },
  'public-url': { type: 'string' },
  balance: { type: 'string' },
  'rate-limit': { type: 'string' },
  'max-concurrent': { type: 'string' },
  latency: { type: 'string' },
  faults: { type: 'string' },
  control: { type: 'boolean' },
  'no-control': { type: 'boolean' },
  'control-token': { type: 'string' },
  'job-steps': { type: 'string' },
  'job-step-ms': { type: 'string' },
  'max-jobs': { type: 'string' },
  'max-accounts': { type: 'string' },
  state: { type: 'string' },
  'webhook-retries': { type: 'string' },
  'webhook-time-scale': { type: 'string' },
  'webhook-allow': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  'print-scenarios': { type: 'boolean', default: false },
  'print-test-values': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

/** The limits the flags set (docs/limits.md): the server's, and the webhook delivery caps. */
function limits(values: Record<string, unknown>): MockServerOptions {
  const server = attemptFlags(() => readServerLimitFlags(SERVER_LIMIT_FLAGS, values));
  return {
    ...(Object.keys(server).length > 0 ? { serverLimits: server } : {}),
    ...attemptFlags(() => readLimitFlags(DELIVERY_LIMIT_FLAGS, values)),
  };
}

/** A limit flag's error (it names the flag) as a usage error. */
function attemptFlags<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The options that shape the mock's behaviour: fixtures, money, limits, latency and faults. */
function behaviour(values: Values): MockServerOptions {
  return {
    ...(values.fixtures !== undefined
      ? { fixtures: attempt('fixtures', () => loadFixturesFile(values.fixtures!)) }
      : {}),
    ...(values.balance !== undefined
      ? { balance: attempt('balance', () => (parseMoney(values.balance!), values.balance!)) }
      : {}),
    ...(values['rate-limit'] !== undefined
      ? { rateLimit: limit('rate-limit', values['rate-limit'], '/min') }
      : {}),
    ...(values['max-concurrent'] !== undefined
      ? { maxConcurrent: limit('max-concurrent', values['max-concurrent'], '') }
      : {}),
    ...(values.latency !== undefined
      ? { latency: attempt('latency', () => parseLatency(values.latency!) ?? 'none') }
      : {}),
    ...(values.faults !== undefined
      ? { faults: attempt('faults', () => parseFaults(values.faults!) ?? 'off') }
      : {}),
  };
}

/** The control token, checked here (never echoed: it is a secret). */
function controlToken(token: string | undefined): MockServerOptions {
  if (token === undefined) return {};
  if (!/^[\x21-\x7e]+$/.test(token))
    throw new UsageError('--control-token (or MEDIAGEN_CONTROL_TOKEN) must be non-empty visible ASCII');
  return { controlToken: token };
}

/** The options of the server and its stores: port, control, jobs, caps, log. */
function serving(values: Values, env: NodeJS.ProcessEnv): MockServerOptions {
  return {
    port: attemptFlags(() => portArg(values.port, env.PORT, 4010)),
    host: values.host,
    ...(env.MEDIAGEN_WEBHOOK_SECRET ? { webhookSecret: env.MEDIAGEN_WEBHOOK_SECRET } : {}),
    ...(values.control
      ? { control: 'on' as const }
      : values['no-control']
        ? { control: 'off' as const }
        : {}),
    ...controlToken(values['control-token'] ?? (env.MEDIAGEN_CONTROL_TOKEN || undefined)),
    ...defined({
      jobSteps: integer('job-steps', values['job-steps']),
      stepMs: integer('job-step-ms', values['job-step-ms'], 'non-negative ms'),
      maxJobs: integer('max-jobs', values['max-jobs']),
      maxAccounts: integer('max-accounts', values['max-accounts']),
    }),
    ...(values['public-url'] !== undefined
      ? { publicUrl: attempt('public-url', () => parsePublicUrl(values['public-url']!)) }
      : {}),
    ...(values.quiet ? { log: () => {} } : {}),
  };
}

/** The options of what outlives a request: the state file and the webhook retry schedule. */
function keeping(values: Values): MockServerOptions {
  const scale = values['webhook-time-scale'];
  if (scale !== undefined && !(Number(scale) > 0 && Number.isFinite(Number(scale))))
    throw new UsageError(`--webhook-time-scale must be a positive number, got '${scale}'`);
  if (values.state?.trim() === '') throw new UsageError('--state must name a file');
  return {
    ...(values.state !== undefined ? { stateFile: values.state } : {}),
    ...(values['webhook-retries'] !== undefined
      ? {
          webhookRetryDelaysMs: attempt('webhook-retries', () =>
            parseRetrySchedule(values['webhook-retries']!),
          ),
        }
      : {}),
    ...(scale !== undefined ? { webhookTimeScale: Number(scale) } : {}),
    ...(values['webhook-allow'] !== undefined
      ? {
          webhookAllow: attempt('webhook-allow', () =>
            parseWebhookAllow(values['webhook-allow']!).map(a => (a.port ? `${a.host}:${a.port}` : a.host)),
          ),
        }
      : {}),
  };
}

/** What the command line asks for: help, a table, or a server with these options. */
export function parseMockArgs(args: string[], env: NodeJS.ProcessEnv = process.env): CliCommand {
  let values: Values;
  try {
    const limitOptions = limitFlagOptions([...SERVER_LIMIT_FLAGS, ...DELIVERY_LIMIT_FLAGS]);
    ({ values } = parseArgs({ args, options: { ...OPTIONS, ...limitOptions } }) as { values: Values });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { kind: 'help' };
  if (values['print-scenarios']) return { kind: 'print-scenarios' };
  if (values.control && values['no-control'])
    throw new UsageError('--control and --no-control contradict each other');
  const options: MockServerOptions = {
    ...serving(values, env),
    ...behaviour(values),
    ...keeping(values),
    ...limits(values),
  };
  return values['print-test-values'] ? { kind: 'print-test-values', options } : { kind: 'serve', options };
}
