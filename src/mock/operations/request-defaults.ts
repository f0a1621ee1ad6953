// The `default`s of the generation request schemas, for the fields a request may leave out (a test
// holds them to openapi/: ImageGenerationRequest.output_format, VideoGenerationRequest.sound).
// Resolution, aspect ratio and duration have no contract default: the model's fixtures name them.
import type { Schemas } from './context.ts';

type Image = Schemas['ImageGenerationRequest'];
type Video = Schemas['VideoGenerationRequest'];

export const REQUEST_DEFAULTS = {
  generateImage: { output_format: 'png' } satisfies Required<Pick<Image, 'output_format'>>,
  createVideoGeneration: { sound: false } satisfies Required<Pick<Video, 'sound'>>,
} as const;
