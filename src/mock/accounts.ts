// One account per API key, made on first use: its balance and books (in micro-units), its video
// jobs, rate-limit window and fault settings (its idempotency records are kept by idempotency.ts). Parallel test runs with their own
// keys never see each other. At most `maxAccounts` are kept: the least recently used is evicted.
import type { FaultSettings } from './faults.ts';

export interface Account {
  key: string;
  /** Unique per account made: a key whose account was reset or evicted starts with nothing. */
  serial: number;
  /** Starting balance, in micro-units; `balance = start − charged + refunded` always holds. */
  start: number;
  balance: number;
  charged: number;
  refunded: number;
  /** Video jobs not yet ended, with what each was charged. */
  running: Map<string, number>;
  /** The earliest time one of them can end by itself: no need to look before then. */
  settleAfter: number;
  /** Every job id this key created (the only key that may see them). */
  jobs: Set<string>;
  window: { startedAt: number; count: number };
  faults?: FaultSettings;
}

export interface AccountStoreOptions {
  /** The starting balance of a new account with this key, in micro-units. */
  startFor(key: string): number;
  maxAccounts: number;
  now: () => number;
  onEvict?: (account: Account) => void;
}

/** The accounts, least recently used first. */
export function createAccountStore(options: AccountStoreOptions) {
  // Insertion-ordered; a use moves the account to the end, so the first one is the least recently used.
  const accounts = new Map<string, Account>();
  let made = 0;

  function fresh(key: string): Account {
    const start = options.startFor(key);
    return {
      key,
      serial: ++made,
      start,
      balance: start,
      charged: 0,
      refunded: 0,
      running: new Map(),
      settleAfter: 0,
      jobs: new Set(),
      window: { startedAt: options.now(), count: 0 },
    };
  }

  function drop(key: string) {
    const account = accounts.get(key);
    if (!account) return;
    accounts.delete(key);
    options.onEvict?.(account);
  }

  return {
    /** The key's account, made on first use, and marked as just used. */
    get(key: string): Account {
      let account = accounts.get(key);
      if (account) accounts.delete(key);
      else {
        while (accounts.size >= options.maxAccounts) drop(accounts.keys().next().value!);
        account = fresh(key);
      }
      accounts.set(key, account);
      return account;
    },
    peek: (key: string) => accounts.get(key),
    reset: (key: string) => drop(key),
    resetAll() {
      for (const key of [...accounts.keys()]) drop(key);
    },
    get size() {
      return accounts.size;
    },
  };
}

export type AccountStore = ReturnType<typeof createAccountStore>;

/** Takes `amount` from the balance; the caller has checked that it is there. */
export function charge(account: Account, amount: number) {
  account.balance -= amount;
  account.charged += amount;
}

/** Gives `amount` back, as a failed video's refund. */
export function refund(account: Account, amount: number) {
  account.balance += amount;
  account.refunded += amount;
}
