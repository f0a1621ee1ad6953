// What a contract check reports: each way a response or a delivery leaves the contract, and the
// error that lists them for a backend's own tests.
import type { ViolationKind } from './violation-kind.ts';

/** One way a response breaks the contract. `where` is `status`, `header <Name>` or `body/<json pointer>`. */
export interface Violation {
  /** Which of the table's ways (src/contract/violation-kind.ts), set where the violation is found. */
  kind: ViolationKind;
  where: string;
  message: string;
}

export const formatViolations = (violations: Pick<Violation, 'where' | 'message'>[]) =>
  violations.map(v => `  - ${v.where}: ${v.message}`).join('\n');

export class ContractViolationError extends Error {
  constructor(
    readonly violations: Violation[],
    context: string,
  ) {
    super(`${context} breaks the contract:\n${formatViolations(violations)}`);
    this.name = 'ContractViolationError';
  }
}
