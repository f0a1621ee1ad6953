// Writes a Verdict where a CI reads it: in the chosen format to stdout, or to --output FILE with a
// short summary on stdout. Every text is redacted before any format is made of it.
import { writeFileSync } from 'node:fs';
import type { Redact } from '../../proxy/redact.ts';
import { jsonReport } from './json.ts';
import { junitReport } from './junit.ts';
import { sarifReport } from './sarif.ts';
import { failedCases, redactVerdict, type Verdict } from './verdict.ts';

export const REPORTERS = ['pretty', 'json', 'junit', 'sarif'] as const;
export type Reporter = (typeof REPORTERS)[number];

export const isReporter = (name: string): name is Reporter => (REPORTERS as readonly string[]).includes(name);

/** The verdict in a machine format; `pretty` is each command's own text (the suite's report, the proxy's lines). */
function renderReport(format: Exclude<Reporter, 'pretty'>, verdict: Verdict): string {
  if (format === 'json') return jsonReport(verdict);
  if (format === 'junit') return junitReport(verdict);
  return sarifReport(verdict);
}

/** One line: how many cases conform, how many were left out. */
function summaryLine(verdict: Verdict): string {
  const run = verdict.cases.filter(c => c.skipped === undefined).length;
  const failed = failedCases(verdict).length;
  const skipped = verdict.cases.length - run;
  return `${verdict.tool} ${verdict.target}: ${run - failed}/${run} conform${skipped ? `, ${skipped} skipped` : ''}.`;
}

export interface ReportTarget {
  format: Reporter;
  /** A file for the report; stdout then gets the summary line only. */
  output?: string;
}

/** Writes the redacted verdict to its target. */
export function writeReport(
  target: ReportTarget,
  verdict: Verdict,
  redact: Redact,
  pretty: (v: Verdict) => string,
  out: (text: string) => void,
): void {
  const safe = redactVerdict(verdict, redact);
  // The pretty text is the command's own, made from what the verdict came from: redacted as text. The
  // other formats are made of redacted strings only (a pass over their text might cut an escape in two).
  const text = target.format === 'pretty' ? redact(pretty(safe) + '\n') : renderReport(target.format, safe);
  if (target.output === undefined) return out(text);
  writeFileSync(target.output, text);
  out(`${summaryLine(safe)} Report: ${target.output} (${target.format})\n`);
}
