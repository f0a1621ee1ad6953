// One finding of the proxy, as its report keeps it: the JSON line, the SARIF result, the summary's count.
import { isUpstreamKind, type FindingKind } from '../contract/violation-kind.ts';

/** The kind of a call to a method and path outside the contract: forwarded, counted, not a violation. */
export const OUTSIDE = 'outside the contract' as const;

/** Whether a record is an upstream that gave no usable answer. */
export const isUpstreamFailure = (record: { kind: string }) => isUpstreamKind(record.kind);

/**
 * One line of the report: a violation of one response, an upstream that gave no usable answer
 * (kind `upstream …`), or a request outside the contract (kind OUTSIDE).
 */
export interface ReportRecord {
  time: string;
  method: string;
  /** Without the query, which may carry anything. */
  path: string;
  status: number;
  /** The operationId, or null for a path outside the contract. */
  operation: string | null;
  /** The upstream's X-Request-Id (else its error.request_id); the proxy's own id for an upstream failure. */
  requestId: string;
  kind: FindingKind | typeof OUTSIDE;
  where: string;
  message: string;
  /** `passed` on to the caller as it was, or `replaced` by the proxy's own 502/504. */
  action: 'passed' | 'replaced';
}
