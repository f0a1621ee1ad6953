// Idempotency-Key: the same key and body within the retention window replays the stored answer
// exactly (same id, status and body, marked `Idempotent-Replayed: true`, as Stripe does); the same
// key with another body is a 409. Only answers that did something (2xx) are stored, so a retry after
// an error or a limit is a new attempt. Per account; the oldest records go past `maxRecords`.
import type { Account } from './accounts.ts';

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export interface IdempotencyRecord {
  fingerprint: string;
  storedAt: number;
  answer: StoredAnswer;
}

export type IdempotencyCheck = { kind: 'new' } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'conflict' };

/** What makes two requests "the same": the operation and the body, whatever the key order. */
export function fingerprint(operationId: string, body: unknown): string {
  return `${operationId} ${canonical(body)}`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function checkIdempotency(account: Account, key: string, print: string, now: number, retentionMs: number): IdempotencyCheck {
  const record = account.idempotency.get(key);
  if (!record || now - record.storedAt > retentionMs) return { kind: 'new' };
  return record.fingerprint === print ? { kind: 'replay', answer: record.answer } : { kind: 'conflict' };
}

export function storeIdempotent(account: Account, key: string, print: string, answer: StoredAnswer, now: number, maxRecords: number) {
  account.idempotency.delete(key);
  while (account.idempotency.size >= maxRecords) account.idempotency.delete(account.idempotency.keys().next().value!);
  account.idempotency.set(key, { fingerprint: print, storedAt: now, answer });
}
