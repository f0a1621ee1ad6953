// The report options every checking command takes (`test`, `check`): --reporter and --output, read
// and checked alike, with the usage lines that describe them.
import { closeSync, openSync } from 'node:fs';
import { isReporter, REPORTERS, type ReportTarget } from './render.ts';

export const REPORT_OPTIONS = {
  reporter: { type: 'string', default: 'pretty' },
  output: { type: 'string' },
} as const;

export const REPORT_USAGE = `  --reporter FORMAT    ${REPORTERS.join('|')} (default pretty)
  --output FILE        write the report to FILE; stdout then gets a one-line summary`;

/** The report target; a format it does not know is an error naming the option. */
export function reportTarget(values: { reporter?: string; output?: string }): ReportTarget {
  const format = values.reporter ?? 'pretty';
  if (!isReporter(format))
    throw new Error(`--reporter must be one of ${REPORTERS.join(', ')}, got '${format}'`);
  if (values.output === undefined) return { format };
  if (values.output.trim() === '') throw new Error('--output must name a file');
  return { format, output: values.output };
}

/** Opens the --output file now, so that a path that cannot be written fails before the run, not after it. */
export function openOutput(target: ReportTarget): void {
  if (target.output === undefined) return;
  try {
    closeSync(openSync(target.output, 'w'));
  } catch (error) {
    throw new Error(`--output ${target.output} cannot be written (${(error as NodeJS.ErrnoException).code})`);
  }
}
