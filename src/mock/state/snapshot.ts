// The state as the state file keeps it: every table's records as plain data, taken whole (so that a
// field added to a record is saved with no change here), under a version. A file of another version,
// or one that is not a state file, is refused: never read as empty.
import type { Delivery } from '../webhooks.ts';
import type { AccountsSnapshot } from './accounts.ts';
import type { IdempotencyRecord } from './idempotency.ts';
import type { JobRecord } from './jobs.ts';
import type { SavedHolding } from './ownership.ts';

export const STATE_VERSION = 1;

export interface StateSnapshot {
  readonly version: typeof STATE_VERSION;
  readonly savedAt: string;
  readonly accounts: AccountsSnapshot;
  readonly jobs: readonly JobRecord[];
  readonly holdings: readonly SavedHolding[];
  readonly idempotency: readonly (readonly [string, IdempotencyRecord])[];
  readonly deliveries: readonly Delivery[];
}

const LISTS = ['jobs', 'holdings', 'idempotency', 'deliveries'] as const;

/** The snapshot in `value`, or an Error saying in one line why it is not one this mock reads. */
export function readSnapshot(value: unknown): StateSnapshot {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error('not a mock state file (not a JSON object)');
  const given = value as Record<string, unknown>;
  if (given.version !== STATE_VERSION)
    throw new Error(
      `version ${JSON.stringify(given.version)}, this mock reads version ${STATE_VERSION} only`,
    );
  const accounts = given.accounts as Partial<AccountsSnapshot> | undefined;
  if (typeof accounts?.made !== 'number' || !Array.isArray(accounts.records))
    throw new Error("not a mock state file ('accounts' is not {made, records})");
  for (const list of LISTS)
    if (!Array.isArray(given[list])) throw new Error(`not a mock state file ('${list}' is not a list)`);
  return value as StateSnapshot;
}
