// POST /v2/videos/generations: admitted, charged, and started as a job that ends completed (the
// video the request asked of the model: size, duration, sound, the model's fps and retention), or
// failed with the code `Prefer: fail=` or a test value of the prompt or images asks for.
import { isFailureCode } from '../../client/codes.ts';
import type { Answer } from '../answer.ts';
import type { Model } from '../fixtures.ts';
import { madeBy } from '../model-capabilities.ts';
import { usageOf, type Price } from '../pricing.ts';
import type { JobRequest, Outcome, VideoMade } from '../state/job-bodies.ts';
import { requestedFailure } from '../test-values.ts';
import { admit } from './admit.ts';
import { requestBody, type OperationContext, type RequestBodies, type Schemas } from './context.ts';
import { idempotently } from './idempotent.ts';
import { deletesAtOf } from './image-file.ts';
import { REQUEST_DEFAULTS } from './request-defaults.ts';

type VideoRequest = RequestBodies['createVideoGeneration'];

/** The video the request makes on the model; `price.quantity` is its duration (asked, or the model's default). */
function videoMade(ctx: OperationContext, model: Model, price: Price, body: VideoRequest): VideoMade {
  const { width, height } = madeBy(model, body);
  return {
    origin: ctx.origin,
    width,
    height,
    duration: price.quantity,
    fps: model.capabilities.fps!,
    hasSound: body.sound ?? REQUEST_DEFAULTS.createVideoGeneration.sound,
    deletesAt: deletesAtOf(model, Date.now()),
    label: body.prompt,
  };
}

export function createVideoGeneration(ctx: OperationContext): Answer {
  const body = requestBody(ctx, 'createVideoGeneration');
  return idempotently(ctx, body, () => {
    const admitted = admit(ctx, 'video', body);
    if ('refusal' in admitted) return admitted.refusal;
    const { model, price } = admitted;
    const code = ctx.prefs.fail ?? requestedFailure(ctx.core.index, body);
    const outcome: Outcome =
      code !== undefined && isFailureCode(code) ? { kind: 'failed', code } : { kind: 'completed' };
    const request: JobRequest = {
      model: model.id,
      usage: usageOf(price),
      video: videoMade(ctx, model, price, body),
      ...(body.callback_url !== undefined ? { callbackUrl: body.callback_url } : {}),
    };
    const steps = ctx.prefs.steps !== undefined ? Number(ctx.prefs.steps) : undefined;
    const job = ctx.core.state.startVideo(ctx.account, request, outcome, price.totalMicro, steps);
    const created: Schemas['VideoGenerationCreated'] = { id: job.id, status: 'pending' };
    return { status: 202, body: created };
  });
}
