// What an image answer says of the file it made, and the URL that serves exactly that: the pixel
// size the model's fixtures give the request's resolution and aspect ratio, the format asked for,
// and `deletes_at` the model's retention after now. The URL is on the origin the request came to.
import type { Model } from '../fixtures.ts';
import { answerFile, type MediaFormat } from '../media/url.ts';
import { madeBy } from '../model-capabilities.ts';
import type { Schemas } from './context.ts';

export interface FileAsked {
  generationId: string;
  origin: string;
  prompt: string;
  format: MediaFormat;
  resolution?: string;
  aspect_ratio?: string;
}

const HOUR_MS = 3600_000;

/** When a file made now by this model is deleted, in ms since the epoch, on a whole second (as the URL has it). */
export const deletesAtOf = (model: Model, now: number) =>
  Math.floor((now + model.capabilities.retention_hours * HOUR_MS) / 1000) * 1000;

/** The `data[0]` of an image answer. */
export function fileOf(model: Model, asked: FileAsked, now: number): Schemas['ImageMedia'] {
  const { width, height } = madeBy(model, asked);
  const deletesAt = deletesAtOf(model, now);
  return answerFile(asked.origin, {
    generationId: asked.generationId,
    index: 0,
    format: asked.format,
    width,
    height,
    model: model.id,
    label: asked.prompt,
    deletesAt,
  });
}
