// A recorded HAR checked offline with the live proxy's own check (check.ts) and its own findings
// (findings.ts): an exchange the proxy could not check live is left out, a failure it recorded is
// reported as recorded, every other answer is checked again as it was recorded.
import type { ContractValidator } from '../contract/index.ts';
import { DEFAULT_MAX_DECODED_BYTES } from '../kernel/server-limits.ts';
import { checkAnswer, operationOf } from './check.ts';
import { failureFinding, findingsOf, type Finding } from './findings.ts';
import type { ReadEntry } from './har-read.ts';
import type { ExchangeFindings } from './proxy-verdict.ts';

export interface CheckedExchange extends ExchangeFindings {
  startedDateTime: string;
}

/** The findings of one entry, or undefined when it was not checked live. */
function checkEntry(validator: ContractValidator, entry: ReadEntry): CheckedExchange | undefined {
  const { call, failure, unchecked } = entry.verdict;
  if (unchecked !== undefined) return undefined;
  const operation = operationOf(validator, call);
  const base = { call, status: entry.status, operation, startedDateTime: entry.startedDateTime };
  if (failure) {
    const { requestId } = failure;
    const found = failureFinding(call, operation, failure.failure, failure.detail, entry.status, requestId);
    return { ...base, requestId, findings: [found] };
  }
  // The body is recorded decoded: it is checked as it is, with no coding left to undo.
  const body = Buffer.from(entry.text ?? '', 'utf8');
  const checked = checkAnswer(
    validator,
    call,
    { status: entry.status, headers: entry.headers, body },
    t => t,
    DEFAULT_MAX_DECODED_BYTES,
  );
  const { requestId } = checked;
  if (checked.unreadable) {
    const kind = checked.overLimit ? 'oversized' : 'unreadable';
    const found = failureFinding(call, operation, kind, checked.unreadable, entry.status, requestId);
    return { ...base, requestId, findings: [found] };
  }
  const action = entry.verdict.replaced ? 'replaced' : 'passed';
  return { ...base, requestId, findings: findingsOf(call, entry.status, checked, action) };
}

/** Every entry the live proxy checked, with what it found; `left` counts the others. */
export function checkHar(
  validator: ContractValidator,
  entries: ReadEntry[],
): { exchanges: CheckedExchange[]; left: number } {
  const exchanges = entries.map(e => checkEntry(validator, e)).filter(e => e !== undefined);
  return { exchanges, left: entries.length - exchanges.length };
}

export const findingsIn = (exchanges: CheckedExchange[]): Finding[] => exchanges.flatMap(e => e.findings);
