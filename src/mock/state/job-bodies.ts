// What a video job looks like when polled: pending, processing with progress, or its terminal body,
// made from the contract's own examples of GET /v2/videos/generations/{id} with the job's id (also
// inside URLs), model, duration, sound and usage. Every body is a new object: the examples are shared.
import type { components } from '../../../generated/schema.ts';
import { failureCatalogue, type FailureCode } from '../../../generated/catalogue.ts';
import { isObject, type Json, type Operation } from '../../kernel/index.ts';

type Schemas = components['schemas'];
export type VideoGeneration = Schemas['VideoGeneration'];
export type VideoCompleted = Schemas['VideoGenerationCompleted'];
export type VideoFailed = Schemas['VideoGenerationFailed'];
export type Usage = Schemas['Usage'];

export type Outcome = { kind: 'completed' } | { kind: 'failed'; code: FailureCode };

/** What the job was asked to make: the model, and what its completed body reports. */
export interface JobRequest {
  readonly model: string;
  /** The contract's `usage` for the completed video, priced from the fixtures. */
  readonly usage: Usage;
  readonly duration?: number;
  readonly sound?: boolean;
  readonly callbackUrl?: string;
}

/** The examples the terminal bodies are made from. */
export interface JobTemplates {
  readonly completed: VideoCompleted;
  readonly failures: Partial<Record<string, VideoFailed>>;
}

// The contract's examples are checked against their schemas when the spec is built and linted.
const isCompleted = (e: Json): e is VideoCompleted =>
  isObject(e) && e.status === 'completed' && typeof e.id === 'string' && Array.isArray(e.data);
const isFailed = (e: Json): e is VideoFailed =>
  isObject(e) && e.status === 'failed' && typeof e.id === 'string' && isObject(e.error);

export function jobTemplates(poll: Operation): JobTemplates {
  const examples = Object.values(poll.responses.find(r => r.status === 200)?.examples ?? {});
  const completed = examples.find(isCompleted);
  if (!completed) throw new Error('The contract has no completed example for getVideoGeneration');
  const failures: Record<string, VideoFailed> = {};
  for (const e of examples.filter(isFailed)) failures[e.error.code] = e;
  return { completed, failures };
}

/** A copy of the example that names `id` wherever the example named its own. */
export function withId<T extends { id: string }>(example: T, id: string): T {
  return JSON.parse(JSON.stringify(example).replaceAll(example.id, id)) as T;
}

/** Whether a failed video with this code gives its credits back: the contract's example says. */
export function refundsOnFailure(templates: JobTemplates, code: string): boolean {
  return templates.failures[code]?.error.refunded ?? true;
}

function failedBody(
  id: string,
  request: JobRequest,
  code: FailureCode,
  templates: JobTemplates,
): VideoFailed {
  const example = templates.failures[code];
  if (example) return { ...withId(example, id), model: request.model };
  const entry = failureCatalogue[code];
  return {
    id,
    status: 'failed',
    model: request.model,
    // The catalogue pairs each failure code with its `retryable`, as the schema's variants do.
    error: {
      code,
      message: entry.description,
      retryable: entry.retryable,
      refunded: true,
    } as VideoFailed['error'],
  };
}

function completedBody(id: string, request: JobRequest, templates: JobTemplates): VideoCompleted {
  const body = withId(templates.completed, id);
  const [media, ...rest] = body.data;
  const data = media
    ? [
        {
          ...media,
          ...(request.duration !== undefined ? { duration: request.duration } : {}),
          ...(request.sound !== undefined ? { has_sound: request.sound } : {}),
        },
        ...rest,
      ]
    : body.data;
  return { ...body, model: request.model, data, usage: request.usage };
}

/** The body at `stage` of `steps`: pending at 0, processing with progress, then the outcome's. */
export function jobBody(
  id: string,
  request: JobRequest,
  outcome: Outcome,
  stage: number,
  steps: number,
  templates: JobTemplates,
): VideoGeneration {
  if (stage >= steps)
    return outcome.kind === 'failed'
      ? failedBody(id, request, outcome.code, templates)
      : completedBody(id, request, templates);
  if (stage === 0) return { id, status: 'pending', model: request.model };
  return { id, status: 'processing', model: request.model, progress: Math.round((stage / steps) * 100) };
}
