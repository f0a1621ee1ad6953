// A Verdict as one JSON document, for a script of the team's own: the counts, then every case.
import { failedCases, type Verdict } from './verdict.ts';

export function jsonReport(verdict: Verdict): string {
  const summary = {
    cases: verdict.cases.length,
    failed: failedCases(verdict).length,
    skipped: verdict.cases.filter(c => c.skipped !== undefined).length,
    violations: verdict.cases.reduce((n, c) => n + c.findings.length, 0),
  };
  return (
    JSON.stringify({ tool: verdict.tool, target: verdict.target, summary, cases: verdict.cases }, null, 2) +
    '\n'
  );
}
