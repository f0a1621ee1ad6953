// What a video job looks like when polled: pending, processing with progress, or its terminal body.
// A completed body is made from what the request asked and the model's fixtures made of it (size,
// duration, fps, sound, deletes_at, usage), its URL on the mock's origin; a failed one from the
// contract's own examples of GET /v2/videos/generations/{id} with the job's id. Every body is new.
import type { components } from '../../../generated/schema.ts';
import { failureCatalogue, type FailureCode } from '../../../generated/catalogue.ts';
import { isObject, type Json, type Operation } from '../../kernel/index.ts';
import { answerFile } from '../media/url.ts';

type Schemas = components['schemas'];
export type VideoGeneration = Schemas['VideoGeneration'];
export type VideoCompleted = Schemas['VideoGenerationCompleted'];
export type VideoFailed = Schemas['VideoGenerationFailed'];
export type Usage = Schemas['Usage'];

export type Outcome = { kind: 'completed' } | { kind: 'failed'; code: FailureCode };

/** The video a job makes, as its completed body reports it; plain data, as a record keeps it. */
export interface VideoMade {
  /** Where the creating request came to: the file's URL is on it. */
  readonly origin: string;
  readonly width: number;
  readonly height: number;
  /** Seconds. */
  readonly duration: number;
  readonly fps: number;
  readonly hasSound: boolean;
  /** Ms since the epoch, on a whole second. */
  readonly deletesAt: number;
  /** What the file's placeholder shows: the start of the prompt. */
  readonly label: string;
}

/** What the job was asked to make: the model, the video, and what it costs. */
export interface JobRequest {
  readonly model: string;
  /** The contract's `usage` for the completed video, priced from the fixtures. */
  readonly usage: Usage;
  readonly video: VideoMade;
  readonly callbackUrl?: string;
}

/** The examples the failed bodies are made from. */
export interface JobTemplates {
  readonly failures: Partial<Record<string, VideoFailed>>;
}

// The contract's examples are checked against their schemas when the spec is built and linted.
const isFailed = (e: Json): e is VideoFailed =>
  isObject(e) && e.status === 'failed' && typeof e.id === 'string' && isObject(e.error);

export function jobTemplates(poll: Operation): JobTemplates {
  const examples = Object.values(poll.responses.find(r => r.status === 200)?.examples ?? {});
  const failures: Record<string, VideoFailed> = {};
  for (const e of examples.filter(isFailed)) failures[e.error.code] = e;
  return { failures };
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

function completedBody(id: string, request: JobRequest): VideoCompleted {
  const v = request.video;
  const { width, height, duration, fps, deletesAt } = v;
  const ref = { generationId: id, index: 0, format: 'mp4' as const, model: request.model, label: v.label };
  return {
    id,
    status: 'completed',
    model: request.model,
    data: [
      {
        ...answerFile(v.origin, { ...ref, width, height, deletesAt, duration, fps, sound: v.hasSound }),
        duration,
        fps,
        has_sound: v.hasSound,
      },
    ],
    usage: request.usage,
  };
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
      : completedBody(id, request);
  if (stage === 0) return { id, status: 'pending', model: request.model };
  return { id, status: 'processing', model: request.model, progress: Math.round((stage / steps) * 100) };
}
