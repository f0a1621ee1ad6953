// The headers an answer carries that its contract response does not declare: the mock may send no
// API header the contract does not name. What is not an API header is listed here, once.
import { matchOperation, type Contract } from '../../src/kernel/contract.ts';

/** Transport and CORS headers (any server sends them), and the mock's own diagnostic. */
const NOT_API_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'date',
  'connection',
  'keep-alive',
  'vary',
  // The mock's note on what it ignored or corrected (README, "Prefer"); a real server never sends it.
  'x-mock-warning',
]);
const notApi = (name: string) => NOT_API_HEADERS.has(name) || name.startsWith('access-control-');

/** `header <name>: sent on <status> but not declared` for each such header of the answer. */
export function undeclaredHeaders(
  contract: Contract,
  request: { method: string; path: string },
  response: { status: number; headers: Record<string, string> },
): string[] {
  const operation = matchOperation(contract, request.method, request.path.split('?')[0]!)?.operation;
  const declared = operation
    ? operation.responses.find(r => r.status === response.status)
    : contract.routeNotFound;
  const names = new Set((declared?.headers ?? []).map(h => h.name.toLowerCase()));
  return Object.keys(response.headers)
    .map(name => name.toLowerCase())
    .filter(name => !notApi(name) && !names.has(name))
    .map(name => `header ${name}: sent on ${response.status} but not declared`);
}
