// Idempotency-Key records, kept by the state model (model.ts): the same key and body within the
// retention window replays the stored answer exactly (same id, status and body, marked
// `Idempotent-Replayed: true`, as Stripe does); the same key with another body is a 409. Only answers
// that did something (2xx) are stored, so a retry after an error or a limit is a new attempt. Records
// are per account (by its serial, so a reset account starts with none), in one store with a global
// cap (the oldest go first): memory stays bounded whatever the number of keys.
import { createHash } from 'node:crypto';

export interface StoredAnswer {
  status: number;
  /** The body as sent, serialized once. */
  text: string;
}

export interface IdempotencyRecord {
  fingerprint: string;
  storedAt: number;
  answer: StoredAnswer;
}

export type IdempotencyCheck =
  { kind: 'new' } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'conflict' };

/** What makes two requests "the same": the operation and the body, whatever the key order (hashed: bodies can be long). */
export function fingerprint(operationId: string, body: unknown): string {
  return createHash('sha256')
    .update(`${operationId} ${canonical(body)}`)
    .digest('base64');
}

/**
 * JSON with object keys sorted, so that key order does not make two bodies differ. Built with its
 * own stack (a body checked by body-depth.ts is shallow, but a walk must never be what overflows).
 */
function canonical(value: unknown): string {
  const out: string[] = [];
  // Each item is a value still to write, or a piece of text (a comma, a key, a closing bracket).
  const todo: ({ text: string } | { value: unknown })[] = [{ value }];
  while (todo.length) {
    const item = todo.pop()!;
    if ('text' in item) {
      out.push(item.text);
      continue;
    }
    const next = item.value;
    if (next === null || typeof next !== 'object') {
      out.push(JSON.stringify(next) ?? 'null');
      continue;
    }
    const array = Array.isArray(next);
    const entries = array
      ? next.map(v => ['', v] as const)
      : Object.entries(next as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out.push(array ? '[' : '{');
    // Pushed in reverse, so that the first entry is written first.
    todo.push({ text: array ? ']' : '}' });
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, v] = entries[i]!;
      todo.push({ value: v });
      todo.push({ text: `${i > 0 ? ',' : ''}${array ? '' : `${JSON.stringify(key)}:`}` });
    }
  }
  return out.join('');
}

/** The records of every account, oldest first, under one cap. */
export interface IdempotencyStore {
  /** Whether `key` is new for the account, a replay of the same request, or a conflict. */
  check(account: number, key: string, print: string): IdempotencyCheck;
  store(account: number, key: string, print: string, answer: StoredAnswer): void;
  clear(): void;
  /** The records as plain data, oldest first, each under `account serial, key` (for the state file). */
  snapshot(): [string, IdempotencyRecord][];
  restore(saved: readonly (readonly [string, IdempotencyRecord])[]): void;
  readonly size: number;
}

export function createIdempotencyStore(options: {
  retentionMs: number;
  maxRecords: number;
  now: () => number;
}): IdempotencyStore {
  // Insertion-ordered by `account serial, key`: the first entry is the oldest record.
  const records = new Map<string, IdempotencyRecord>();
  const id = (account: number, key: string) => `${account} ${key}`;
  return {
    check(account: number, key: string, print: string): IdempotencyCheck {
      const record = records.get(id(account, key));
      if (!record || options.now() - record.storedAt > options.retentionMs) return { kind: 'new' };
      return record.fingerprint === print ? { kind: 'replay', answer: record.answer } : { kind: 'conflict' };
    },
    store(account: number, key: string, print: string, answer: StoredAnswer) {
      records.delete(id(account, key));
      while (records.size >= options.maxRecords) records.delete(records.keys().next().value!);
      records.set(id(account, key), { fingerprint: print, storedAt: options.now(), answer });
    },
    clear: () => records.clear(),
    snapshot: () => [...records],
    restore(saved) {
      for (const [at, record] of saved) records.set(at, record);
    },
    get size() {
      return records.size;
    },
  };
}
