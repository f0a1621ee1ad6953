// The proxy's records as a Verdict (src/contract/reporters/verdict.ts), for its SARIF report and for
// every report of the offline HAR check: a case per exchange, its violations and upstream failures as
// findings. A call outside the contract is forwarded, not failed: it stays in the JSON lines only.
import type { Verdict, VerdictCase } from '../contract/reporters/verdict.ts';
import type { FindingKind } from '../contract/violation-kind.ts';
import type { Call } from './check.ts';
import type { Finding } from './findings.ts';
import { OUTSIDE } from './report-record.ts';

export interface ExchangeFindings {
  call: Call;
  status: number;
  requestId: string;
  operation: string | null;
  findings: Finding[];
}

/** Whether a finding breaks the contract (a rule of the reports): all but a call outside it. */
export const breaks = (f: Finding): f is Finding & { kind: FindingKind } => f.kind !== OUTSIDE;

export const exchangeCase = (x: ExchangeFindings): VerdictCase => ({
  name: `${x.call.method} ${x.call.path}`,
  operation: x.operation,
  method: x.call.method,
  path: x.call.path,
  status: x.status,
  requestId: x.requestId,
  findings: x.findings.filter(breaks).map(({ kind, where, message }) => ({ kind, where, message })),
});

/** One case per finding, as the live proxy records them (it does not keep the exchanges that pass). */
export const recordsVerdict = (tool: string, target: string, findings: Finding[]): Verdict => ({
  tool,
  target,
  cases: findings.filter(breaks).map(f =>
    exchangeCase({
      call: f,
      status: f.status,
      requestId: f.requestId,
      operation: f.operation,
      findings: [f],
    }),
  ),
});
