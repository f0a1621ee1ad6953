// The proxy's report file (--report FILE) in its format (--report-format): JSON lines, written as
// each record comes; SARIF, or HAR 1.2 of every exchange, kept in memory and written on close.
import { once } from 'node:events';
import { closeSync, createWriteStream, openSync, writeFileSync } from 'node:fs';
import { sarifReport } from '../contract/reporters/sarif.ts';
import type { HarEntry, HarLog } from './har.ts';
import { recordsVerdict } from './proxy-verdict.ts';
import type { ReportRecord } from './report-record.ts';

export const REPORT_FORMATS = ['jsonl', 'sarif', 'har'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportFile {
  add(record: ReportRecord): void;
  /** Set for a HAR report only: the proxy records exchanges only when one will be written. */
  exchange?: (entry: HarEntry) => void;
  close(): Promise<void>;
}

export const PROXY_TOOL = 'mediagen-contract proxy';

/** Opens `file` now, so that a path that cannot be written fails at start with the system's reason. */
export function openReportFile(
  file: string,
  format: ReportFormat,
  upstream: string,
  /** The contract's version, which the HAR names as its creator's. */
  version: string,
): ReportFile {
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new Error(`reportFormat must be one of ${REPORT_FORMATS.join(', ')}, got '${format}'`);
  const fd = openSync(file, 'w');
  if (format === 'jsonl') {
    const out = createWriteStream('', { fd });
    return {
      add: record => out.write(JSON.stringify(record) + '\n'),
      close: async () => {
        out.end();
        await once(out, 'finish');
      },
    };
  }
  const records: ReportRecord[] = [];
  const entries: HarEntry[] = [];
  const har = (): HarLog => ({
    log: { version: '1.2', creator: { name: PROXY_TOOL, version }, entries },
  });
  let closed = false;
  return {
    add: record => records.push(record),
    ...(format === 'har' ? { exchange: (entry: HarEntry) => entries.push(entry) } : {}),
    close: async () => {
      if (closed) return;
      closed = true;
      const text =
        format === 'har'
          ? JSON.stringify(har(), null, 2) + '\n'
          : sarifReport(recordsVerdict(PROXY_TOOL, upstream, records));
      writeFileSync(fd, text);
      closeSync(fd);
    },
  };
}
