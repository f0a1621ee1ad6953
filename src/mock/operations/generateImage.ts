// POST /v2/images/generations: admitted, charged, and done at once; the image is the contract's
// example with a new id, the model asked for and the price of the fixtures.
import { isObject, requireOperation, type Contract, type Json } from '../../kernel/index.ts';
import { newGenerationId } from '../../kernel/ids.ts';
import type { Answer } from '../answer.ts';
import { usageOf } from '../pricing.ts';
import { withId } from '../state/job-bodies.ts';
import { admit } from './admit.ts';
import { requestBody, type OperationContext, type Schemas } from './context.ts';
import { idempotently } from './idempotent.ts';

export type ImageGeneration = Schemas['ImageGeneration'];

// The contract's examples are checked against their schemas when the spec is built and linted.
const isImage = (e: Json): e is ImageGeneration =>
  isObject(e) && e.status === 'completed' && typeof e.id === 'string' && Array.isArray(e.data);

/** The contract's example of a finished image (its 200), that each new image is made from. */
export function imageTemplate(contract: Contract): ImageGeneration {
  const ok = requireOperation(contract, 'generateImage').responses.find(r => r.status === 200);
  const example = Object.values(ok?.examples ?? {}).find(isImage);
  if (!example) throw new Error('The contract has no completed example for generateImage');
  return example;
}

export function generateImage(ctx: OperationContext): Answer {
  const body = requestBody(ctx, 'generateImage');
  return idempotently(ctx, body, () => {
    const admitted = admit(ctx, 'image', body);
    if ('refusal' in admitted) return admitted.refusal;
    ctx.core.state.chargeImage(ctx.account, admitted.price.totalMicro);
    const image: ImageGeneration = {
      ...withId(ctx.core.imageTemplate, newGenerationId('img')),
      model: admitted.model.id,
      usage: usageOf(admitted.price),
    };
    return { status: 200, body: image };
  });
}
