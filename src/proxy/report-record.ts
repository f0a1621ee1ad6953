// One finding of the proxy, as its report keeps it: the JSON line, the SARIF result, the summary's count.

/** The kind of a call to a method and path outside the contract: forwarded, counted, not a violation. */
export const OUTSIDE = 'outside the contract';

/** Whether a record is an upstream that gave no usable answer: each of those kinds says `upstream …`. */
export const isUpstreamFailure = (record: { kind: string }) => record.kind.startsWith('upstream ');

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
  kind: string;
  where: string;
  message: string;
  /** `passed` on to the caller as it was, or `replaced` by the proxy's own 502/504. */
  action: 'passed' | 'replaced';
}
