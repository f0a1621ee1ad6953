// `mediagen-contract test <base-url>`: the contract suite from a shell or CI. Reads and checks its
// options, probes the server, runs the suite with a progress line on a terminal, writes the report
// in the chosen format, and says by its exit status what happened.
import { parseArgs } from 'node:util';
import { integerArg } from '../kernel/cli.ts';
import { guideUrl } from '../kernel/links.ts';
import { redactor } from '../proxy/redact.ts';
import { DEFAULT_ANSWER_LIMITS, answerLimits } from './answer-limits.ts';
import { probeServer } from './probe.ts';
import { openOutput, REPORT_OPTIONS, REPORT_USAGE, reportTarget } from './reporters/options.ts';
import { writeReport, type ReportTarget } from './reporters/render.ts';
import { suiteVerdict } from './reporters/suite-verdict.ts';
import {
  DEFAULT_CONCURRENCY,
  formatReport,
  runContractSuite,
  type CaseResult,
  type SuiteOptions,
} from './suite.ts';

/** What each exit status means, for every checking command of the CLI. */
export const EXIT = { conform: 0, violation: 1, usage: 2, unreachable: 3 } as const;

export const testUsage = `Usage: mediagen-contract test <base-url> [options]
       mediagen-contract check <file.har> [options]     a recorded HAR checked offline (mediagen-contract check --help)
       mediagen-contract proxy <upstream-url> [options]   a validating proxy (mediagen-contract proxy --help)
  --key KEY            API key sent as Bearer (default: MEDIAGEN_API_KEY)
  --forced             also run the Prefer scenarios (a mock honours them; a real server cannot)
  --billable           also run scenarios that start (and so pay for) a generation
  --concurrency N      scenarios in flight at once (default ${DEFAULT_CONCURRENCY})
  --timeout MS         time for one whole answer (default ${DEFAULT_ANSWER_LIMITS.timeoutMs})
  --max-answer-bytes N bytes of one answer read (default ${DEFAULT_ANSWER_LIMITS.maxAnswerBytes})
${REPORT_USAGE}
  --help               this text
Exit status: 0 when every scenario conforms, 1 on any violation, 2 on bad input, 3 when the server is
unreachable or not this API (an unauthenticated GET /v2/models gets no answer, or one with neither
an X-Request-Id header nor an error envelope).
Environment: MEDIAGEN_API_KEY, MEDIAGEN_WEBHOOK_SECRET (the server's webhook secret: the webhook
workflow receives a delivery and verifies its signature; without it that workflow is skipped)
Docs: ${guideUrl('contractTests')}`;

/** Where a command writes: stdout, stderr, and whether stderr is a terminal (for the progress line). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  tty: boolean;
}

export const processIo: Io = {
  out: text => process.stdout.write(text),
  err: text => process.stderr.write(text),
  tty: process.stderr.isTTY === true,
};

/** The base URL, checked: one http(s) URL, without trailing slashes. */
function baseUrlOf(positionals: string[]): string {
  const [command, baseUrl, ...extra] = positionals;
  if (command !== 'test')
    throw new Error(
      command === undefined ? 'missing command: test, check or proxy' : `unknown command '${command}'`,
    );
  if (baseUrl === undefined) throw new Error('missing <base-url>');
  if (extra.length > 0) throw new Error(`unexpected argument '${extra[0]}'`);
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol))
    throw new Error(`<base-url> must be an http(s) URL, got '${baseUrl}'`);
  return baseUrl.replace(/\/+$/, '');
}

/** The suite's options and the report's target from `argv` (after the program); throws one line naming a problem. */
export function parseTestArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): { suite: SuiteOptions; report: ReportTarget } | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      key: { type: 'string' },
      forced: { type: 'boolean', default: false },
      billable: { type: 'boolean', default: false },
      concurrency: { type: 'string' },
      timeout: { type: 'string' },
      'max-answer-bytes': { type: 'string' },
      ...REPORT_OPTIONS,
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  const baseUrl = baseUrlOf(positionals);
  const concurrency = integerArg('--concurrency', values.concurrency, 'positive');
  const timeoutMs = integerArg('--timeout', values.timeout, 'ms');
  const maxAnswerBytes = integerArg('--max-answer-bytes', values['max-answer-bytes'], 'positive');
  if (values.key !== undefined && values.key.trim() === '') throw new Error('--key must not be empty');
  const apiKey = values.key ?? env.MEDIAGEN_API_KEY;
  if (!apiKey) throw new Error('no API key: pass --key or set MEDIAGEN_API_KEY');
  const { forced, billable } = values;
  const webhookSecret = env.MEDIAGEN_WEBHOOK_SECRET || undefined;
  const suite = { baseUrl, apiKey, forced, billable, concurrency, timeoutMs, maxAnswerBytes, webhookSecret };
  return { suite, report: reportTarget(values) };
}

/** `[ 3/18] name` over itself on a terminal; nothing in a pipe or a CI log. */
function progress(io: Io) {
  if (!io.tty) return { onResult: undefined, clear: () => {} };
  const onResult = (r: CaseResult, done: number, total: number) =>
    io.err(`\r\x1b[K[${String(done).padStart(String(total).length)}/${total}] ${r.scenario.name}`);
  return { onResult, clear: () => io.err('\r\x1b[K') };
}

/** Runs the command; resolves to its exit status, having written all it has to say. */
export async function testCommand(argv: string[], io: Io = processIo, env = process.env): Promise<number> {
  let args: ReturnType<typeof parseTestArgs>;
  try {
    args = parseTestArgs(argv, env);
    if (args !== 'help') openOutput(args.report);
  } catch (error) {
    io.err(`mediagen-contract: ${(error as Error).message}\n\n${testUsage}\n`);
    return EXIT.usage;
  }
  if (args === 'help') return (io.out(testUsage + '\n'), EXIT.conform);
  const { suite, report: target } = args;
  // A server may echo the key back in an answer the report quotes.
  const redact = redactor(suite.apiKey);
  const unusable = await probeServer(suite.baseUrl, answerLimits(suite));
  if (unusable) return (io.err(`mediagen-contract: ${redact(unusable)}\n`), EXIT.unreachable);
  const shown = progress(io);
  const report = await runContractSuite({ ...suite, onResult: shown.onResult });
  shown.clear();
  writeReport(target, suiteVerdict(report), redact, () => formatReport(report), io.out);
  return report.results.some(r => r.violations.length > 0) ? EXIT.violation : EXIT.conform;
}
