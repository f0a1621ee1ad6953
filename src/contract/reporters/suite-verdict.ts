// The suite's report as a Verdict: one case per scenario run, one per scenario left out.
import type { SuiteReport } from '../suite.ts';
import type { Verdict } from './verdict.ts';

export function suiteVerdict(report: SuiteReport): Verdict {
  const run = report.results.map(({ scenario, response, violations }) => ({
    name: scenario.name,
    operation: scenario.operationId ?? null,
    method: scenario.request.method,
    path: scenario.request.path.split('?')[0]!,
    ...(response ? { status: response.status } : {}),
    ...(response?.headers['x-request-id'] ? { requestId: response.headers['x-request-id'] } : {}),
    findings: violations.map(({ kind, where, message }) => ({ kind, where, message })),
  }));
  const skipped = report.skipped.map(s => ({
    name: s.name,
    operation: null,
    findings: [],
    skipped: s.reason,
  }));
  return { tool: 'mediagen-contract test', target: report.baseUrl, cases: [...run, ...skipped] };
}
