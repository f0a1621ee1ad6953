// POST /v2/videos/generations: admitted, charged, and started as a job that ends completed, or
// failed with the code `Prefer: fail=` or a test value of the prompt or images asks for.
import { isFailureCode } from '../../client/codes.ts';
import type { Answer } from '../answer.ts';
import { usageOf } from '../pricing.ts';
import type { Outcome } from '../state/job-bodies.ts';
import { requestedFailure } from '../test-values.ts';
import { admit } from './admit.ts';
import { requestBody, type OperationContext, type Schemas } from './context.ts';
import { idempotently } from './idempotent.ts';

export function createVideoGeneration(ctx: OperationContext): Answer {
  const body = requestBody(ctx, 'createVideoGeneration');
  return idempotently(ctx, body, () => {
    const admitted = admit(ctx, 'video', body);
    if ('refusal' in admitted) return admitted.refusal;
    const { model, price } = admitted;
    const code = ctx.prefs.fail ?? requestedFailure(ctx.core.index, body);
    const outcome: Outcome =
      code !== undefined && isFailureCode(code) ? { kind: 'failed', code } : { kind: 'completed' };
    const request = {
      model: model.id,
      usage: usageOf(price),
      duration: price.quantity,
      ...(body.sound !== undefined ? { sound: body.sound } : {}),
      ...(body.callback_url !== undefined ? { callbackUrl: body.callback_url } : {}),
    };
    const steps = ctx.prefs.steps !== undefined ? Number(ctx.prefs.steps) : undefined;
    const job = ctx.core.state.startVideo(ctx.account, request, outcome, price.totalMicro, steps);
    const created: Schemas['VideoGenerationCreated'] = { id: job.id, status: 'pending' };
    return { status: 202, body: created };
  });
}
