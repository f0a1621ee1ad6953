// What tests, benches and the control routes may see of the mock's state: read-only books, jobs and
// deliveries, and the sizes of its bounded tables. Changes go through the state model's methods.
import { formatMoney } from '../money.ts';
import type { Delivery } from '../webhooks.ts';
import type { Account } from './accounts.ts';

/** An account's books as decimal strings, the shape `GET /_mock/accounts/{key}` answers. */
export interface AccountBooks {
  readonly key: string;
  readonly currency: string;
  readonly balance: string;
  readonly start: string;
  readonly charged: string;
  readonly refunded: string;
  /** Videos charged and not yet ended. */
  readonly running: number;
  /** Every video job of this key still kept. */
  readonly jobs: readonly string[];
}

/** A video job as it stands. */
export interface JobView {
  readonly id: string;
  readonly owner: string | undefined;
  /** Whether it has reached `completed` or `failed`. */
  readonly ended: boolean;
  readonly steps: number;
  readonly createdAt: number;
  /** When it ends by time alone, if nobody polls it. */
  readonly endsAt: number;
}

export interface StateSizes {
  readonly accounts: number;
  readonly jobs: number;
  readonly idempotencyRecords: number;
}

/** The mock's state, read-only: reading never makes an account or moves a job. */
export interface MockStateView {
  /** The key's books (ended videos booked), or undefined when the key has no account. */
  account(key: string): AccountBooks | undefined;
  job(id: string): JobView | undefined;
  /** The webhook deliveries made, oldest first (the last 1,000). */
  deliveries(): readonly Delivery[];
  sizes(): StateSizes;
}

/** An account's books in micro-units, as decimal strings. */
export function booksOf(account: Account, currency: string, running: number, jobs: string[]): AccountBooks {
  return {
    key: account.key,
    currency,
    balance: formatMoney(account.balance),
    start: formatMoney(account.start),
    charged: formatMoney(account.charged),
    refunded: formatMoney(account.refunded),
    running,
    jobs,
  };
}
