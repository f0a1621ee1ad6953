// Idempotency-Key around a generation POST: the same key and body within the retention window
// replays the stored answer exactly (marked `Idempotent-Replayed: true`, as Stripe does); the same
// key with another body is a 409. Only an answer that did something (2xx) is stored, so a retry
// after an error or a limit is a new attempt.
import { contractError } from '../../kernel/error-body.ts';
import { errorAnswer, type Answer } from '../answer.ts';
import { fingerprint } from '../state/idempotency.ts';
import type { OperationContext } from './context.ts';

const reused = () =>
  errorAnswer(
    contractError(
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request body.',
      'Idempotency-Key',
    ),
  );

/** `generate`'s answer, or the stored one when this is a retry of it. */
export function idempotently(ctx: OperationContext, body: unknown, generate: () => Answer): Answer {
  const key = ctx.idempotencyKey;
  if (key === undefined) return generate();
  const { index, state } = ctx.core;
  const print = fingerprint(ctx.op.operationId, body);
  const seen =
    index.exact('idempotency_key', key)?.error === 'idempotency_key_reused'
      ? { kind: 'conflict' as const }
      : state.recall(ctx.account, key, print);
  if (seen.kind === 'conflict') return reused();
  if (seen.kind === 'replay') {
    const { status, text } = seen.answer;
    return {
      status,
      body: JSON.parse(text),
      headers: { 'idempotent-replayed': 'true' },
      note: 'idempotent replay',
    };
  }
  const answer = generate();
  if (answer.status < 300)
    state.remember(ctx.account, key, print, { status: answer.status, text: JSON.stringify(answer.body) });
  return answer;
}
