// The checks a generation POST meets before it is charged, in the order a real server makes them:
// the busy test key (videos), the model (exists, may be used, of the endpoint's type), each option asked for,
// the test values of prompt and images, the cap on running videos, then the balance.
import { contractError } from '../../kernel/error-body.ts';
import { errorAnswer, type Answer } from '../answer.ts';
import type { Model, ModelType } from '../fixtures.ts';
import { formatMoney, renderMoney } from '../money.ts';
import { contentProblem, findModel, unsupportedOption } from '../models.ts';
import { priceOf, type Price } from '../pricing.ts';
import type { OperationContext, RequestBodies } from './context.ts';

type GenerationRequest = RequestBodies[keyof RequestBodies];

/** 429 concurrency_limit, with a Retry-After of about one job step. */
function concurrencyAnswer(ctx: OperationContext, limit: number, current: number): Answer {
  const message = `Concurrency limit reached (${limit}). You have ${current} generations in progress.`;
  const retryAfter = String(Math.max(1, Math.ceil(ctx.core.settings.stepMs / 1000)));
  return errorAnswer(contractError('concurrency_limit', message, null, { limit, current }), {
    'retry-after': retryAfter,
  });
}

/** 402 quota_exceeded with the true required and available. */
function quotaAnswer(ctx: OperationContext, price: Price): Answer {
  const { currency } = ctx.core.fixtures;
  const available = ctx.account.balance;
  const message = `Insufficient credits: this request costs ${formatMoney(price.totalMicro)} ${currency} and ${formatMoney(available)} ${currency} is available.`;
  return errorAnswer(
    contractError('quota_exceeded', message, null, {
      required: renderMoney(price.totalMicro),
      available: renderMoney(available),
      currency,
    }),
  );
}

/** The model and price of an admitted request, or the answer that refuses it. */
export function admit(
  ctx: OperationContext,
  type: ModelType,
  body: GenerationRequest,
): { model: Model; price: Price } | { refusal: Answer } {
  const { index, fixtures, limits, settings, state } = ctx.core;
  const shown = settings.shownConcurrency;
  // The busy key is an account at its video limit: its images are still made.
  if (type === 'video' && index.exact('api_key', ctx.account.key)?.error === 'concurrency_limit')
    return { refusal: concurrencyAnswer(ctx, shown, shown) };
  const found = findModel(fixtures, index, type, String(body.model));
  if ('error' in found) return { refusal: errorAnswer(found.error) };
  const problem = unsupportedOption(found.model, body) ?? contentProblem(index, body, limits.image);
  if (problem) return { refusal: errorAnswer(problem) };
  const cap = settings.maxConcurrent;
  const running = type === 'video' && cap !== null ? state.running(ctx.account) : 0;
  if (cap !== null && type === 'video' && running >= cap)
    return { refusal: concurrencyAnswer(ctx, cap, running) };
  const price = priceOf(found.model, 'duration' in body ? body.duration : undefined);
  if (price.totalMicro > state.balance(ctx.account)) return { refusal: quotaAnswer(ctx, price) };
  return { model: found.model, price };
}
