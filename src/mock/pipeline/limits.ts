// Stage 8, limits: the request counts in its key's one-minute window; a spent window is a 429
// rate_limit (when there is a limit). The count is kept on the call for the X-RateLimit-* headers.
import type { Answer } from '../answer.ts';
import { rateLimitAnswer } from '../canned.ts';
import type { OperationCall } from './call.ts';
import type { Core } from './core.ts';

export function countRate(core: Core, oc: OperationCall): Answer | undefined {
  if (!oc.account) return undefined;
  const count = core.state.countRequest(oc.account, core.settings.shownRateLimit);
  oc.call.rate = count;
  return count.spent && core.settings.rateLimit !== null ? rateLimitAnswer(count) : undefined;
}
