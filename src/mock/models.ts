// The models of the fixtures: `GET /v2/models` (with its `type` filter), and the checks every
// generation request meets against them: the model exists, the key may use it, it is of the
// endpoint's type, it supports each option asked for; then the test values of prompt and images.
import type { components } from '../../generated/schema.ts';
import { contractError, type ContractError } from '../kernel/error-body.ts';
import type { Fixtures, Model, ModelType } from './fixtures.ts';
import { capabilitiesOf } from './model-capabilities.ts';
import type { TestValueIndex } from './test-values.ts';

type ModelList = components['schemas']['ModelList'];
// Fixtures do not change once read: each list is worked out once (the capabilities' pixel tables
// were a visible part of every GET /v2/models), and never changed by whoever sends it.
const lists = new WeakMap<Fixtures, Map<string | null, Readonly<ModelList>>>();

/** The models as the contract lists them, with what each can do, optionally only those of one type. */
export function listModels(fixtures: Fixtures, type: string | null): Readonly<ModelList> {
  const byType = lists.get(fixtures) ?? lists.set(fixtures, new Map()).get(fixtures)!;
  let list = byType.get(type);
  if (!list) {
    list = [...fixtures.models.values()]
      .filter(m => type === null || m.type === type)
      .map(m => ({
        id: m.id,
        name: m.name,
        type: m.type,
        created_at: m.created_at,
        capabilities: capabilitiesOf(m, fixtures.currency),
      }));
    // Only the contract's types are cached: any other `type` is refused before it gets here.
    if (type === null || type === 'image' || type === 'video') byType.set(type, list);
  }
  return list;
}

const endpointOf: Record<ModelType, string> = {
  image: 'POST /v2/images/generations',
  video: 'POST /v2/videos/generations',
};

/** The model a generation asks for, or the error a real server would answer about it. */
export function findModel(
  fixtures: Fixtures,
  index: TestValueIndex,
  type: ModelType,
  id: string,
): { model: Model } | { error: ContractError } {
  if (index.exact('model', id)?.error === 'model_access_denied') {
    return {
      error: contractError(
        'model_access_denied',
        `This API key does not have access to model '${id}'.`,
        'model',
      ),
    };
  }
  const model = fixtures.models.get(id);
  if (!model)
    return { error: contractError('not_found', `No model named '${id}'.`, 'model', { resource: 'model' }) };
  if (model.type !== type) {
    return {
      error: contractError(
        'invalid_parameter',
        `Model '${id}' makes ${model.type}s; use it with ${endpointOf[model.type]}.`,
        'model',
      ),
    };
  }
  return { model };
}

/** The first option of the request that the model does not support. */
export function unsupportedOption(
  model: Model,
  body: { resolution?: string; aspect_ratio?: string; duration?: number; sound?: boolean },
): ContractError | undefined {
  const c = model.capabilities;
  const offers = (param: string, value: unknown, allowed: readonly unknown[] | undefined) =>
    value === undefined || allowed === undefined || allowed.includes(value)
      ? undefined
      : contractError(
          'invalid_parameter',
          `Unsupported ${param.replace('_', ' ')} '${String(value)}' for model '${model.id}' (supported: ${allowed.join(', ')}).`,
          param,
        );
  return (
    offers('resolution', body.resolution, Object.keys(c.resolutions)) ??
    offers('aspect_ratio', body.aspect_ratio, c.aspect_ratios) ??
    offers('duration', body.duration, model.type === 'video' ? c.durations : undefined) ??
    (body.sound === true && c.sound !== true
      ? contractError('invalid_parameter', `Model '${model.id}' cannot generate sound.`, 'sound')
      : undefined)
  );
}

/** What the prompt and reference images of the request are made to meet (tags and test URLs). */
export function contentProblem(
  index: TestValueIndex,
  body: { prompt?: unknown; images?: unknown },
  imageLimit: number,
): ContractError | undefined {
  if (index.inPrompt(body.prompt)?.error === 'content_policy_violation') {
    return contractError(
      'content_policy_violation',
      'The prompt was rejected by our content policy.',
      'prompt',
    );
  }
  const image = index.inImages(body.images);
  const param = `images[${image?.index}].url`;
  if (image?.value.error === 'content_policy_violation') {
    return contractError(
      'content_policy_violation',
      `Reference image images[${image.index}] was rejected by our content policy.`,
      param,
    );
  }
  if (image?.value.error === 'payload_too_large') {
    return contractError(
      'payload_too_large',
      `Image images[${image.index}] is over ${imageLimit} bytes decoded.`,
      param,
      { max_bytes: imageLimit },
    );
  }
  return undefined;
}
