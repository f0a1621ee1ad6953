// What one checked answer comes to as report records: one for a call outside the contract, one per
// violation, one for an upstream that gave no usable answer. The live proxy and the offline check of
// a recorded HAR (har-check.ts) both make their records here, so that they report alike.
import type { UpstreamKind } from '../contract/violation-kind.ts';
import type { Call, Checked } from './check.ts';
import type { UpstreamFailure } from './forward.ts';
import { OUTSIDE, type ReportRecord } from './report-record.ts';

export type Finding = Omit<ReportRecord, 'time'>;

export type Failure = UpstreamFailure | 'unreadable' | 'oversized';

const FAILURE_KIND: Record<Failure, UpstreamKind> = {
  unreachable: 'upstream unreachable',
  timeout: 'upstream timeout',
  cut: 'upstream cut the connection',
  unreadable: 'upstream body unreadable',
  oversized: 'upstream body over the decoded limit',
};

export function findingsOf(
  call: Call,
  status: number,
  checked: Checked,
  action: 'passed' | 'replaced',
): Finding[] {
  const { operation, requestId } = checked;
  const outside: Finding[] =
    operation === null
      ? [
          {
            ...call,
            status,
            operation,
            requestId,
            kind: OUTSIDE,
            where: 'route',
            message: `${call.method} ${call.path} is not an operation of the contract; forwarded`,
            action: 'passed',
          },
        ]
      : [];
  const violations = checked.violations.map(v => ({
    ...call,
    status,
    operation,
    requestId,
    kind: v.kind,
    where: v.where,
    message: v.message,
    action,
  }));
  return [...outside, ...violations];
}

/** The record of an upstream that gave no usable answer; `requestId` is that of the proxy's own reply. */
export const failureFinding = (
  call: Call,
  operation: string | null,
  failure: Failure,
  detail: string,
  status: number,
  requestId: string,
): Finding => ({
  ...call,
  status,
  operation,
  requestId,
  kind: FAILURE_KIND[failure],
  where: 'upstream',
  message: detail,
  action: 'replaced',
});
