// A workflow's finding: each one filed under the kind `schema`, as the reports filed them when the kind
// was read back from `where` (a step's prefix hid every other kind). Kinds of their own would change
// what every report says of a failing workflow: that is a change of the reports, not made here.
import type { Violation } from '../violations.ts';

export const workflowViolation = (where: string, message: string): Violation => ({
  kind: 'schema',
  where,
  message,
});
