// The error codes whose answers must say when to try again: those of every response the contract
// declares with a required `Retry-After` header. Read from the loaded contract, as `declares` reads
// what an operation allows, so that a mock made from another spec follows that spec.
import type { Contract } from '../kernel/index.ts';

const RETRY_AFTER = 'retry-after';

/** Sorted, each code once. */
export function retryAfterCodes(contract: Contract): readonly string[] {
  const codes = new Set<string>();
  for (const op of contract.operations)
    for (const response of op.responses)
      if (response.headers.some(h => h.required && h.name.toLowerCase() === RETRY_AFTER))
        response.errorCodes.forEach(code => codes.add(code));
  return [...codes].sort();
}
