// A workflow's finding, under the kind its check names: the answer's own from the contract validator,
// or one of the workflow's (src/contract/violation-kind.ts), never one kind for all.
import type { ViolationKind } from '../violation-kind.ts';
import type { Violation } from '../violations.ts';

export const workflowViolation = (kind: ViolationKind, where: string, message: string): Violation => ({
  kind,
  where,
  message,
});
