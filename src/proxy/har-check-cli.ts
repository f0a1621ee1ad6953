// `mediagen-contract check <file.har>`: a HAR recorded through the proxy (--report-format har), or by
// a browser, checked offline with the live proxy's check; reported like the suite (--reporter,
// --output) with its exit statuses: 0 conform, 1 a violation or upstream failure, 2 bad input.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createContractValidator } from '../contract/index.ts';
import { openOutput, REPORT_OPTIONS, REPORT_USAGE, reportTarget } from '../contract/reporters/options.ts';
import { writeReport } from '../contract/reporters/render.ts';
import { EXIT, processIo, type Io } from '../contract/test-cli.ts';
import { checkHar, findingsIn, type CheckedExchange } from './har-check.ts';
import { guideUrl } from '../kernel/links.ts';
import { readHar } from './har-read.ts';
import { exchangeCase } from './proxy-verdict.ts';
import { createReport, formatRecord, OUTSIDE } from './report.ts';
import { isUpstreamFailure } from './report-record.ts';

export const checkUsage = `Usage: mediagen-contract check <file.har> [options]
  Checks every exchange of a HAR (recorded by mediagen-contract proxy --report-format har, or by a
  browser) against the contract, with the validators of the live proxy.
${REPORT_USAGE}
  --help               this text
Exit status: 0 when every exchange conforms, 1 on any violation or upstream failure, 2 on bad input
(no such file, not a HAR).
Docs: ${guideUrl('ci')}`;

/** The proxy's log lines for the findings, then its summary by operation and kind. */
function prettyOf(exchanges: CheckedExchange[], left: number): string {
  const report = createReport();
  const lines: string[] = [];
  for (const x of exchanges) {
    if (!x.findings.some(isUpstreamFailure)) report.countChecked(x.findings.some(f => f.kind !== OUTSIDE));
    for (const f of x.findings) {
      report.add({ time: x.startedDateTime, ...f });
      lines.push(formatRecord({ time: x.startedDateTime, ...f }));
    }
  }
  return [...lines, report.summary(), ...(left ? [`${left} exchanges not checked live, left out`] : [])].join(
    '\n',
  );
}

/** The HAR file and the report's target from the command line; throws one line naming a problem. */
export function parseCheckArgs(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...REPORT_OPTIONS, help: { type: 'boolean', default: false } },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1)
    throw new Error(
      positionals.length === 0 ? 'missing <file.har>' : `unexpected argument '${positionals[1]}'`,
    );
  return { file: positionals[0]!, target: reportTarget(values) };
}

/** The HAR's entries, the output opened; throws one line naming a problem. */
function readCommand(argv: string[]) {
  const args = parseCheckArgs(argv);
  if (args === 'help') return args;
  const { file, target } = args;
  openOutput(target);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file} cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
  return { file, entries: readHar(text), target };
}

export function checkCommand(argv: string[], io: Io = processIo): number {
  let command: ReturnType<typeof readCommand>;
  try {
    command = readCommand(argv);
  } catch (error) {
    io.err(`mediagen-contract check: ${(error as Error).message}\n\n${checkUsage}\n`);
    return EXIT.usage;
  }
  if (command === 'help') return (io.out(checkUsage + '\n'), EXIT.conform);
  const { exchanges, left } = checkHar(createContractValidator(), command.entries);
  const verdict = {
    tool: 'mediagen-contract check',
    target: command.file,
    cases: exchanges.map(exchangeCase),
  };
  // The HAR's keys were redacted when it was written; the texts are the file's as they are.
  writeReport(
    command.target,
    verdict,
    t => t,
    () => prettyOf(exchanges, left),
    io.out,
  );
  return findingsIn(exchanges).some(f => f.kind !== OUTSIDE) ? EXIT.violation : EXIT.conform;
}
