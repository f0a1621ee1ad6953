// The proxy's report file (--report FILE) in its format (--report-format): JSON lines, or HAR 1.2 of
// every exchange, written as each comes; SARIF, the first findings up to a cap, written on close.
import { once } from 'node:events';
import { createWriteStream, openSync } from 'node:fs';
import type { HarEntry } from './har.ts';
import { HAR_BACKLOG_BYTES, openHarFile } from './har-file.ts';
import type { ReportRecord } from './report-record.ts';
import { DEFAULT_MAX_SARIF_RESULTS, openSarifFile } from './sarif-file.ts';

export const REPORT_FORMATS = ['jsonl', 'sarif', 'har'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportFile {
  add(record: ReportRecord): void;
  /** Set for a HAR report only: the proxy records exchanges only when one will be written. */
  exchange?: (entry: HarEntry) => void;
  close(): Promise<void>;
}

/** What a report file holds at most, and where it says it left something out. */
export interface ReportFileLimits {
  /** Findings a SARIF report lists (default DEFAULT_MAX_SARIF_RESULTS). */
  maxSarifResults?: number;
  /** Bytes a HAR report may have waiting for the disk before it leaves entries out (default HAR_BACKLOG_BYTES). */
  harBacklogBytes?: number;
  log: (line: string) => void;
}

export const PROXY_TOOL = 'mediagen-contract proxy';

/** Opens `file` now, so that a path that cannot be written fails at start with the system's reason. */
export function openReportFile(
  file: string,
  format: ReportFormat,
  upstream: string,
  /** The contract's version, which the HAR names as its creator's. */
  version: string,
  limits: ReportFileLimits,
): ReportFile {
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new Error(`reportFormat must be one of ${REPORT_FORMATS.join(', ')}, got '${format}'`);
  const fd = openSync(file, 'w');
  if (format === 'sarif')
    return openSarifFile(fd, PROXY_TOOL, upstream, limits.maxSarifResults ?? DEFAULT_MAX_SARIF_RESULTS);
  if (format === 'har') {
    const har = openHarFile(fd, {
      name: file,
      creator: { name: PROXY_TOOL, version },
      backlogBytes: limits.harBacklogBytes ?? HAR_BACKLOG_BYTES,
      log: limits.log,
    });
    // A HAR holds exchanges, not records: the records go to the summary and the log lines.
    return { add: () => undefined, ...har };
  }
  const out = createWriteStream('', { fd });
  return {
    add: record => out.write(JSON.stringify(record) + '\n'),
    close: async () => {
      out.end();
      await once(out, 'finish');
    },
  };
}
