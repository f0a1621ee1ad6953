// The webhook event of an ended video generation: its `type` from the status, its `data` the body
// polling returns. Typed with the contract's event schemas.
import type { components } from '../../../generated/schema.ts';

type Schemas = components['schemas'];
export type VideoEvent = Schemas['VideoGenerationEvent'];
export type VideoEventType = VideoEvent['type'];

export const VIDEO_EVENT_TYPES: readonly VideoEventType[] = [
  'video.generation.completed',
  'video.generation.failed',
];

/** The event of an ended generation; undefined while it is pending or processing. */
export function videoEvent(body: Schemas['VideoGeneration'], at = new Date()): VideoEvent | undefined {
  const timestamp = at.toISOString();
  if (body.status === 'completed') return { type: 'video.generation.completed', timestamp, data: body };
  if (body.status === 'failed') return { type: 'video.generation.failed', timestamp, data: body };
  return undefined;
}
