// What the proxy found: every violation as one JSON line (in --report FILE), one log line each,
// and counts by operation and kind of violation for the summary printed on exit.
import { plural } from '../kernel/plural.ts';
import type { ReportFile } from './report-file.ts';
import { isUpstreamFailure, OUTSIDE, type ReportRecord } from './report-record.ts';

export { OUTSIDE, type ReportRecord };

export interface ProxyReport {
  /** Responses that came back from the upstream and were checked. */
  readonly checked: number;
  /** Of those, the ones with at least one violation. */
  readonly violating: number;
  readonly violations: number;
  /** Requests the upstream gave no usable answer to (unreachable, timeout, cut, not JSON). */
  readonly failures: number;
  /** Requests to a method and path outside the contract (forwarded all the same). */
  readonly outside: number;
  summary(): string;
}

export interface ReportWriter extends ProxyReport {
  countChecked(violating: boolean): void;
  add(record: ReportRecord): void;
  close(): Promise<void>;
}

/** `2026-… GET    /v2/models 200 req_… ✗ body/0/type: must be …`: everything a reader needs on one line. */
export function formatRecord(r: ReportRecord): string {
  const replaced = r.action === 'replaced' ? ' (replaced by 502)' : '';
  const mark = r.kind === OUTSIDE ? '?' : '✗';
  return `${r.time} ${r.method.padEnd(6)} ${r.path} ${r.status} ${r.requestId} ${mark} ${r.where}: ${r.message}${replaced}`;
}

export function createReport(out?: ReportFile): ReportWriter {
  const counts = new Map<string, number>();
  const totals = { checked: 0, violating: 0, violations: 0, failures: 0, outside: 0 };
  return {
    get checked() {
      return totals.checked;
    },
    get violating() {
      return totals.violating;
    },
    get violations() {
      return totals.violations;
    },
    get failures() {
      return totals.failures;
    },
    get outside() {
      return totals.outside;
    },
    countChecked(violating) {
      totals.checked++;
      if (violating) totals.violating++;
    },
    add(record) {
      if (record.kind === OUTSIDE) totals.outside++;
      else if (isUpstreamFailure(record)) totals.failures++;
      else totals.violations++;
      const key = `${record.operation ?? '(none)'}\t${record.kind}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      out?.add(record);
    },
    summary() {
      const head =
        `Proxy summary: ${plural(totals.checked, 'response')} checked, ${totals.violating} broke the contract ` +
        `(${plural(totals.violations, 'violation')}), ${plural(totals.failures, 'upstream failure')}, ${plural(totals.outside, 'request')} outside the contract`;
      if (counts.size === 0) return head;
      const rows = [...counts]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, n]) => [...key.split('\t'), String(n)] as const);
      const width = Math.max('operation'.length, ...rows.map(([op]) => op!.length));
      const kindWidth = Math.max('kind'.length, ...rows.map(([, kind]) => kind!.length));
      const line = (op: string, kind: string, n: string) =>
        `  ${op.padEnd(width)}  ${kind.padEnd(kindWidth)}  ${n.padStart(5)}`;
      return [
        head,
        line('operation', 'kind', 'count'),
        ...rows.map(([op, kind, n]) => line(op!, kind!, n!)),
      ].join('\n');
    },
    close: async () => out?.close(),
  };
}
