// One account per API key, made on first use: its balance and books (in micro-units), its
// rate-limit window and fault settings. Parallel test runs with their own keys never see each other.
// Which jobs an account made is not here but in ownership.ts, the one holder of that relation; only
// the state model (model.ts) changes an account, everyone else reads it as `Account`.
import type { FaultSettings } from '../faults.ts';

export interface RateWindow {
  readonly startedAt: number;
  readonly count: number;
}

/** An account as the pipeline and the operations read it. */
export interface Account {
  readonly key: string;
  /** Unique per account made: a key whose account was reset or evicted starts with nothing. */
  readonly serial: number;
  /** Starting balance, in micro-units; `balance = start − charged + refunded` always holds. */
  readonly start: number;
  readonly balance: number;
  readonly charged: number;
  readonly refunded: number;
  readonly window: RateWindow;
  readonly faults?: FaultSettings;
}

/** The same record as the state model writes it. */
export type AccountRecord = { -readonly [K in keyof Account]: Account[K] };

export interface AccountsSnapshot {
  readonly made: number;
  readonly records: readonly Account[];
}

/** Takes `amount` from the balance, booked as charged. */
export function charge(account: AccountRecord, amount: number): void {
  account.balance -= amount;
  account.charged += amount;
}

/** Gives `amount` back to the balance, booked as refunded. */
export function refund(account: AccountRecord, amount: number): void {
  account.balance += amount;
  account.refunded += amount;
}

/** The accounts by key, least recently used first: a use moves an account to the end. */
export class AccountTable {
  readonly #accounts = new Map<string, AccountRecord>();
  #made = 0;

  /** The key's account, marked as just used; undefined when it has none. */
  use(key: string): AccountRecord | undefined {
    const account = this.#accounts.get(key);
    if (account) {
      this.#accounts.delete(key);
      this.#accounts.set(key, account);
    }
    return account;
  }

  /** A new account with this starting balance, as the most recently used. */
  open(key: string, start: number, now: number): AccountRecord {
    const account: AccountRecord = {
      key,
      serial: ++this.#made,
      start,
      balance: start,
      charged: 0,
      refunded: 0,
      window: { startedAt: now, count: 0 },
    };
    this.#accounts.set(key, account);
    return account;
  }

  /** The accounts as plain data, least recently used first, and the serial count (for the state file). */
  snapshot = (): AccountsSnapshot => ({ made: this.#made, records: [...this.#accounts.values()] });

  /** Takes back saved accounts, every field as saved. */
  restore(saved: AccountsSnapshot): void {
    this.#made = saved.made;
    for (const record of saved.records) this.#accounts.set(record.key, { ...record });
  }

  peek = (key: string): AccountRecord | undefined => this.#accounts.get(key);
  delete = (key: string): boolean => this.#accounts.delete(key);
  /** The least recently used key. */
  oldest = (): string | undefined => this.#accounts.keys().next().value;
  keys = (): string[] => [...this.#accounts.keys()];

  get size(): number {
    return this.#accounts.size;
  }
}
