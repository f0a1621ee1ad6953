// A short name for each way an answer leaves the contract: what the proxy's summary counts by, and
// the rule a SARIF report files a result under. One table, so that every report names a kind alike.
import type { Violation } from './violations.ts';

export function kindOf(violation: Violation): string {
  const { where, message } = violation;
  // The suite's own expectations (src/contract/suite.ts checkExpectation) say `expected …`.
  if (where === 'status')
    return message.startsWith('expected ') ? 'status other than the scenario expects' : 'undeclared status';
  if (where === 'request') return 'no answer';
  if (where.startsWith('header '))
    return message === 'required header is missing' ? `missing ${where}` : `bad ${where}`;
  if (where === 'body/error/request_id') return 'request_id differs from X-Request-Id';
  if (where === 'body/error/code' && message.startsWith('code ')) return 'code not allowed under the status';
  if (where.startsWith('body/error/') && message.startsWith('expected ')) return 'error other than expected';
  if (where === 'body' && message.startsWith('differs from the named example'))
    return 'differs from the example';
  if (where === 'body' && message.startsWith('not JSON')) return 'body not JSON';
  if (where === 'body' && message.startsWith('the response has no body')) return 'no body';
  return 'schema';
}
