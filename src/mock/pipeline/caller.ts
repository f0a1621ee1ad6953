// Stage 4b, caller: the one reading of `Authorization` every path uses (missing, malformed, or a
// key), the key's account, made on first use (before any wait: a test suite's key exists once its
// first request is in), and the 401 a malformed header gets on every operation.
import { contractError, type ContractError } from '../../kernel/error-body.ts';
import type { Account } from '../state/accounts.ts';
import type { MockState } from '../state/model.ts';

export type Authorization = { kind: 'missing' } | { kind: 'malformed' } | { kind: 'key'; key: string };

/** `Bearer <key>`, one key with no whitespace inside; blank is missing; anything else is malformed. */
export function readAuthorization(header: string | undefined): Authorization {
  if (header === undefined || header.trim() === '') return { kind: 'missing' };
  const key = /^\s*Bearer +(\S+)\s*$/i.exec(header)?.[1];
  return key === undefined ? { kind: 'malformed' } : { kind: 'key', key };
}

/** The contract's 401 for a header with no usable key. */
export function invalidApiKey(reason: 'missing' | 'malformed'): ContractError {
  const message =
    reason === 'missing'
      ? 'Missing API key. Send it as `Authorization: Bearer <key>`.'
      : 'Malformed Authorization header: expected `Bearer <key>`.';
  return contractError('invalid_api_key', message, null, { reason });
}

export function identifyCaller(
  state: MockState,
  authorization: string | undefined,
): { key: string | undefined; account: Account | undefined; malformed: boolean } {
  const read = readAuthorization(authorization);
  const key = read.kind === 'key' ? read.key : undefined;
  return {
    key,
    account: key !== undefined ? state.account(key) : undefined,
    malformed: read.kind === 'malformed',
  };
}
