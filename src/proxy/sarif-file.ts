// The SARIF report: its findings are needed for the verdict at close, so the first ones are kept, up to
// a cap, and the rest only counted; the run then says how many it leaves out. The proxy's summary and
// exit status count every finding, whatever the file keeps.
import { writeFileSync, closeSync } from 'node:fs';
import { sarifReport } from '../contract/reporters/sarif.ts';
import { plural } from '../kernel/plural.ts';
import { breaks, recordsVerdict } from './proxy-verdict.ts';
import type { ReportRecord } from './report-record.ts';

/** Findings a SARIF report keeps when `maxSarifResults` is not given. */
export const DEFAULT_MAX_SARIF_RESULTS = 10_000;

export interface SarifFile {
  add(record: ReportRecord): void;
  close(): Promise<void>;
}

/**
 * The SARIF text with a warning of the run's invocation and `run.properties.leftOut` saying how many
 * findings it does not list: a code-scanning view shows the one, a script reads the other.
 */
function withLeftOut(sarif: string, leftOut: number, kept: number): string {
  const log = JSON.parse(sarif);
  const run = log.runs[0];
  const text = `${plural(leftOut, 'more finding')} left out: the report lists the first ${kept}`;
  run.invocations = [
    { executionSuccessful: true, toolExecutionNotifications: [{ level: 'warning', message: { text } }] },
  ];
  run.properties = { ...run.properties, leftOut };
  return JSON.stringify(log, null, 2) + '\n';
}

/** Keeps up to `maxResults` findings for the SARIF written to `fd` on close. */
export function openSarifFile(fd: number, tool: string, target: string, maxResults: number): SarifFile {
  const kept: ReportRecord[] = [];
  let leftOut = 0;
  let closed = false;
  return {
    add(record) {
      // A call outside the contract is no SARIF result: it takes no room.
      if (!breaks(record)) return;
      if (kept.length < maxResults) kept.push(record);
      else leftOut++;
    },
    async close() {
      if (closed) return;
      closed = true;
      const sarif = sarifReport(recordsVerdict(tool, target, kept));
      writeFileSync(fd, leftOut > 0 ? withLeftOut(sarif, leftOut, kept.length) : sarif);
      closeSync(fd);
    },
  };
}
