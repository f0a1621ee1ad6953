// Generations with state: a POST checked against idempotency, the model and its options, the test
// values, the concurrency cap and the balance, then charged and done (an image at once, a video as
// a job); a poll that only the creating key may make; and the books of ended videos (refunds).
import { isFailureCode } from '../client/codes.ts';
import { isObject, type JsonObject, type Operation } from '../kernel/index.ts';
import { charge, refund, type Account } from './accounts.ts';
import { errorAnswer, headerSafe, type Answer } from './answer.ts';
import type { PayloadLimits } from './payload-limits.ts';
import { contractError } from '../kernel/error-body.ts';
import type { Fixtures, ModelType } from './fixtures.ts';
import { fingerprint, type IdempotencyStore } from './idempotency.ts';
import { newGenerationId } from '../kernel/ids.ts';
import type { JobStore, JobTemplates, Outcome } from './jobs.ts';
import { formatMoney, renderMoney } from './money.ts';
import { contentProblem, findModel, unsupportedOption } from './models.ts';
import { priceOf, usageOf } from './pricing.ts';
import { requestedFailure, type TestValueIndex } from './test-values.ts';

export interface GenerationDeps {
  fixtures: Fixtures;
  index: TestValueIndex;
  jobs: JobStore;
  templates: JobTemplates;
  idempotency: IdempotencyStore;
  limits: PayloadLimits;
  /** Unfinished videos per key; null: no cap. `shownLimit` is what the busy test key reports. */
  maxConcurrent: number | null;
  shownLimit: number;
  stepMs: number;
}

/** A generation id that names nothing this key may see: a 404, whatever its shape. */
export const notFoundGeneration = (id: string) =>
  contractError('not_found', `No generation with id '${headerSafe(id)}'.`, 'id', { resource: 'generation' });

/** The stateful operations over the fixtures, jobs and idempotency records. */
export function createGenerations(deps: GenerationDeps) {
  const { fixtures, index, jobs, templates, idempotency, limits, maxConcurrent, stepMs } = deps;

  /** Whether a failed video with this code gives its credits back: the contract's example says. */
  function refundsOnFailure(code: string): boolean {
    const error = templates.failures[code]?.error;
    return isObject(error) && typeof error.refunded === 'boolean' ? error.refunded : true;
  }

  /** Books one video of the account if it has ended: a refund when it failed and its code refunds. */
  function settleJob(account: Account, id: string) {
    const cost = account.running.get(id);
    const job = jobs.get(id);
    if (cost === undefined || (job && !jobs.ended(job))) return;
    account.running.delete(id);
    if (job?.outcome.kind === 'failed' && refundsOnFailure(job.outcome.code)) refund(account, cost);
  }

  /**
   * Books every video of the account that has ended. A poll or an advance books its own job at once,
   * so the scan is needed only once the earliest running job can have ended by time alone.
   */
  function settle(account: Account): Account {
    if (Date.now() < account.settleAfter) return account;
    let next = Infinity;
    for (const id of [...account.running.keys()]) {
      settleJob(account, id);
      const job = jobs.get(id);
      if (job && account.running.has(id)) next = Math.min(next, jobs.endsAt(job));
    }
    account.settleAfter = next;
    return account;
  }

  /** POST a generation: idempotency, model and option checks, test values, limits, credits; then do it. */
  function generate(
    op: Operation,
    type: ModelType,
    account: Account,
    request: JsonObject,
    prismBody: unknown,
    idempotencyKey: string | undefined,
    fail: string | undefined,
    steps: number | undefined,
  ): Answer {
    const print = idempotencyKey !== undefined ? fingerprint(op.operationId, request) : '';
    if (idempotencyKey !== undefined) {
      const seen =
        index.exact('idempotency_key', idempotencyKey)?.error === 'idempotency_key_reused'
          ? { kind: 'conflict' as const }
          : idempotency.check(account.serial, idempotencyKey, print);
      if (seen.kind === 'conflict') {
        return errorAnswer(
          contractError(
            'idempotency_key_reused',
            'This Idempotency-Key was already used with a different request body.',
            'Idempotency-Key',
          ),
        );
      }
      if (seen.kind === 'replay')
        return {
          status: seen.answer.status,
          body: JSON.parse(seen.answer.text),
          headers: { 'idempotent-replayed': 'true' },
          note: 'idempotent replay',
        };
    }
    const limit = deps.shownLimit;
    if (index.exact('api_key', account.key)?.error === 'concurrency_limit')
      return concurrencyAnswer(limit, limit);
    const found = findModel(fixtures, index, type, String(request.model));
    if ('error' in found) return errorAnswer(found.error);
    const model = found.model;
    const problem = unsupportedOption(model, request) ?? contentProblem(index, request, limits.image);
    if (problem) return errorAnswer(problem);
    settle(account);
    if (type === 'video' && maxConcurrent !== null && account.running.size >= maxConcurrent)
      return concurrencyAnswer(maxConcurrent, account.running.size);
    const price = priceOf(model, request);
    if (price.totalMicro > account.balance) {
      const e = contractError(
        'quota_exceeded',
        `Insufficient credits: this request costs ${formatMoney(price.totalMicro)} ${fixtures.currency} and ${formatMoney(account.balance)} ${fixtures.currency} is available.`,
        null,
        {
          required: renderMoney(price.totalMicro),
          available: renderMoney(account.balance),
          currency: fixtures.currency,
        },
      );
      return errorAnswer(e);
    }
    charge(account, price.totalMicro);
    let answer: Answer;
    if (type === 'image') {
      const example = isObject(prismBody) ? prismBody : {};
      const id = newGenerationId('img');
      const body = JSON.parse(JSON.stringify(example).replaceAll(String(example.id), id)) as JsonObject;
      answer = { status: 200, body: { ...body, model: model.id, usage: usageOf(price) } };
    } else {
      const code = fail ?? requestedFailure(index, request);
      const outcome: Outcome =
        code !== undefined && isFailureCode(code) ? { kind: 'failed', code } : { kind: 'completed' };
      const job = jobs.create(
        {
          model: model.id,
          owner: account.key,
          usage: usageOf(price) as unknown as JsonObject,
          duration: price.quantity,
          ...(typeof request.sound === 'boolean' ? { sound: request.sound } : {}),
          ...(typeof request.callback_url === 'string' ? { callbackUrl: request.callback_url } : {}),
        },
        outcome,
        steps,
      );
      account.running.set(job.id, price.totalMicro);
      account.jobs.add(job.id);
      account.settleAfter = Math.min(account.settleAfter, jobs.endsAt(job));
      answer = { status: 202, body: { id: job.id, status: 'pending' } };
    }
    if (idempotencyKey !== undefined) {
      idempotency.store(account.serial, idempotencyKey, print, {
        status: answer.status,
        text: JSON.stringify(answer.body),
      });
    }
    return answer;
  }

  /** 429 concurrency_limit, with a Retry-After of about one job step. */
  function concurrencyAnswer(limit: number, current: number): Answer {
    const e = contractError(
      'concurrency_limit',
      `Concurrency limit reached (${limit}). You have ${current} generations in progress.`,
      null,
      { limit, current },
    );
    return errorAnswer(e, { 'retry-after': String(Math.max(1, Math.ceil(stepMs / 1000))) });
  }

  /** GET a video generation: only the key that made it sees it; any other id is a 404, whatever its shape. */
  function poll(account: Account, id: string): Answer {
    if (index.exact('generation_id', id)?.error === 'generation_forbidden') {
      return errorAnswer(
        contractError('generation_forbidden', 'You can only access generations of your own account.', 'id'),
      );
    }
    const job = jobs.get(id);
    if (!job || job.request.owner !== account.key) return errorAnswer(notFoundGeneration(id));
    const body = jobs.poll(id)!;
    settleJob(account, id);
    return { status: 200, body };
  }

  return { settle, settleJob, generate, poll };
}

export type Generations = ReturnType<typeof createGenerations>;
