// POST /v2/images/generations: admitted, charged, and done at once; the image is what the request
// asked of the model (size, format) with the model's retention and price from the fixtures.
import { newGenerationId } from '../../kernel/ids.ts';
import type { Answer } from '../answer.ts';
import { usageOf } from '../pricing.ts';
import { admit } from './admit.ts';
import { requestBody, type OperationContext, type Schemas } from './context.ts';
import { idempotently } from './idempotent.ts';
import { fileOf } from './image-file.ts';
import { REQUEST_DEFAULTS } from './request-defaults.ts';

export type ImageGeneration = Schemas['ImageGeneration'];

export function generateImage(ctx: OperationContext): Answer {
  const body = requestBody(ctx, 'generateImage');
  return idempotently(ctx, body, () => {
    const admitted = admit(ctx, 'image', body);
    if ('refusal' in admitted) return admitted.refusal;
    const { model, price } = admitted;
    ctx.core.state.chargeImage(ctx.account, price.totalMicro);
    const id = newGenerationId('img');
    const asked = {
      generationId: id,
      origin: ctx.origin,
      prompt: body.prompt,
      format: body.output_format ?? REQUEST_DEFAULTS.generateImage.output_format,
      ...(body.resolution !== undefined ? { resolution: body.resolution } : {}),
      ...(body.aspect_ratio !== undefined ? { aspect_ratio: body.aspect_ratio } : {}),
    };
    const image: ImageGeneration = {
      id,
      status: 'completed',
      model: model.id,
      data: [fileOf(model, asked, Date.now())],
      usage: usageOf(price),
    };
    return { status: 200, body: image };
  });
}
