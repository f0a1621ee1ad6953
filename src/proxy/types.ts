// The proxy's public types, written for its users: what `startProxy` takes and what it hands back.
import type { ContractValidator } from '../contract/index.ts';
import type { ServerLimits } from '../kernel/server-limits.ts';
import type { ProxyReport } from './report.ts';
import type { ReportFormat } from './report-file.ts';

export interface ProxyOptions {
  /** http:// or https:// URL of the server to check; a path prefix is kept (`https://host/api`). */
  upstream: string;
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Replace an answer that breaks the contract by a 502 bad_gateway naming the violations. */
  strict?: boolean;
  /** How long the upstream has for its complete answer before the caller gets a 504. Default 60 s. */
  upstreamTimeoutMs?: number;
  /** Where the report is written: every finding as a JSON line (default), as SARIF, or every exchange as HAR. */
  reportFile?: string;
  /** `jsonl` (default), `sarif` or `har`; JSON lines and HAR are written as they come, SARIF on close. */
  reportFormat?: ReportFormat;
  /** Findings a SARIF report lists, the first ones; it counts the rest and says so (default: docs/limits.md). */
  maxSarifResults?: number;
  /** Answers larger than this are streamed through unchecked. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Decoded bytes of a compressed answer the proxy checks; past them the caller gets a 502. Default 8 MiB. */
  maxDecodedBytes?: number;
  /** Timeouts and the connection cap (src/kernel/server-limits.ts gives the defaults). */
  serverLimits?: Partial<ServerLimits>;
  /** One line per violation and per upstream failure. Default: stdout. */
  log?: (line: string) => void;
  /** The validator to check with; default: one made from the bundled contract. */
  validator?: ContractValidator;
}

export interface ValidatingProxy {
  url: string;
  port: number;
  /** The upstream as printed: origin and path prefix, no user or password. */
  upstream: string;
  report: ProxyReport;
  /** Stops listening, drops connections and flushes the report file; safe to call again. */
  close(): Promise<void>;
}
