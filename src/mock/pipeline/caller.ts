// Stage 4b, caller: the API key of `Authorization: Bearer <key>` and its account, made on first use
// (before any wait: a test suite's key exists once its first request is in).
import type { Account } from '../state/accounts.ts';
import type { MockState } from '../state/model.ts';

/** The key of `Authorization: Bearer <key>`, if it has that shape. */
function bearerKey(header: string | undefined): string | undefined {
  return /^Bearer +(\S+)\s*$/i.exec(header ?? '')?.[1];
}

export function identifyCaller(
  state: MockState,
  authorization: string | undefined,
): { key: string | undefined; account: Account | undefined } {
  const key = bearerKey(authorization);
  return { key, account: key !== undefined ? state.account(key) : undefined };
}
