// Whether an operation declares an error code under a status: an injected or canned answer is only
// ever one the operation allows.
import type { Operation } from '../kernel/index.ts';

export function declares(op: Operation, status: number, code: string): boolean {
  return op.responses.some(r => r.status === status && r.errorCodes.includes(code));
}
