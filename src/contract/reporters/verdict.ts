// What every machine-readable report says, whoever checked: the suite (a case per scenario or
// workflow), the proxy (a case per finding) or `mediagen-contract check` (a case per recorded exchange).
// Each reporter turns one Verdict into its format; the texts in it are already redacted.
import type { Redact } from '../../proxy/redact.ts';
import type { FindingKind } from '../violation-kind.ts';

export interface Finding {
  /** The rule it breaks (src/contract/violation-kind.ts). */
  kind: FindingKind;
  /** `status`, `header <Name>`, `body/<json pointer>`, `request` or `upstream`. */
  where: string;
  message: string;
}

export interface VerdictCase {
  name: string;
  /** The operationId, or null for a method and path outside the contract. */
  operation: string | null;
  /** The request's method and path (without the query); absent for a case that was not run. */
  method?: string;
  path?: string;
  /** The answer's status; absent when there was none. */
  status?: number;
  requestId?: string;
  findings: Finding[];
  /** Set when the case was not run: why. */
  skipped?: string;
}

export interface Verdict {
  /** What checked: `mediagen-contract test`, `mediagen-contract proxy`, `mediagen-contract check`. */
  tool: string;
  /** What was checked: a base URL, an upstream, a HAR file. */
  target: string;
  cases: VerdictCase[];
}

export const failedCases = (verdict: Verdict) => verdict.cases.filter(c => c.findings.length > 0);

/** The verdict with `redact` applied to every text a server may have put a key in. */
export function redactVerdict(verdict: Verdict, redact: Redact): Verdict {
  return {
    ...verdict,
    target: redact(verdict.target),
    cases: verdict.cases.map(c => ({
      ...c,
      name: redact(c.name),
      ...(c.path !== undefined ? { path: redact(c.path) } : {}),
      ...(c.requestId !== undefined ? { requestId: redact(c.requestId) } : {}),
      findings: c.findings.map(f => ({ kind: f.kind, where: redact(f.where), message: redact(f.message) })),
    })),
  };
}
