// Answers that do not depend on what was asked: a test key's (revoked, disabled, rate limited, 5xx),
// an injected fault's, and a spent rate window's. Each is one the operation declares, with the
// headers the contract requires (Retry-After, X-RateLimit-*).
import { errorCatalogue, type ErrorCode } from '../../generated/catalogue.ts';
import { type Operation } from '../kernel/index.ts';
import { errorAnswer, type Answer } from './answer.ts';
import { declares } from './declares.ts';
import { contractError } from '../kernel/error-body.ts';
import type { FaultKind } from './faults.ts';
import { rateHeaders, spentWindow, type RateCount } from './limits.ts';
import type { TestValueIndex } from './test-values.ts';

/** The test-key codes that answer every call, whatever the operation. */
const ACCOUNT_LEVEL: readonly ErrorCode[] = [
  'invalid_api_key',
  'api_access_disabled',
  'ip_not_allowed',
  'rate_limit',
  'server_error',
  'bad_gateway',
  'service_unavailable',
  'gateway_timeout',
];

/** 429 rate_limit for a spent window, with Retry-After and the window's X-RateLimit-*. */
export function rateLimitAnswer(count: RateCount): Answer {
  const e = contractError(
    'rate_limit',
    `Rate limit reached: ${count.limit} requests per minute. Retry after ${count.resetSeconds} s.`,
  );
  return errorAnswer(e, { 'retry-after': String(count.resetSeconds), ...rateHeaders(count) });
}

export interface CannedAnswers {
  /** The answer of a test key that acts on every call (401, 403, 429, 5xx), if the key is one. */
  testKey(op: Operation, key: string): Answer | undefined;
  /** An injected fault: a retryable error the operation declares, or a transport fault. */
  fault(op: Operation, kind: FaultKind): Answer | undefined;
}

/**
 * `rateLimit` is the window the headers of a canned 429 describe; `retryAfter`, the codes whose
 * answers the contract requires to carry Retry-After (retry-after-codes.ts).
 */
export function createCannedAnswers(
  index: TestValueIndex,
  rateLimit: number,
  retryAfter: readonly string[],
): CannedAnswers {
  return {
    testKey(op: Operation, key: string): Answer | undefined {
      const value = index.exact('api_key', key);
      if (!value?.error || !ACCOUNT_LEVEL.includes(value.error)) return undefined;
      const code = value.error;
      const entry = errorCatalogue[code];
      if (!declares(op, entry.status, code)) return undefined;
      if (code === 'rate_limit') return rateLimitAnswer(spentWindow(rateLimit));
      const extras = code === 'invalid_api_key' ? { reason: value.reason ?? 'revoked' } : undefined;
      return errorAnswer(
        contractError(code, entry.description, null, extras),
        retryAfter.includes(code) ? { 'retry-after': '5' } : {},
      );
    },

    fault(op: Operation, kind: FaultKind): Answer | undefined {
      if (kind === 'stall' || kind === 'cut') return { status: 0, transport: kind };
      const entry = errorCatalogue[kind];
      if (!declares(op, entry.status, kind)) return undefined;
      const e = contractError(kind, `${entry.description} (injected fault)`);
      if (kind === 'rate_limit')
        return { ...rateLimitAnswer({ ...spentWindow(rateLimit), resetSeconds: 1 }), error: e };
      return errorAnswer(e, retryAfter.includes(kind) ? { 'retry-after': '2' } : {});
    },
  };
}
