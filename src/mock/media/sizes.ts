// What media the fixtures' models can produce (the sizes are the fixtures' rule, model-capabilities.ts),
// and for a video model every (size, duration, fps, sound) file the media route must have.
// The media route serves only these, so that memory stays bounded whatever a URL asks.
import type { Fixtures, Model } from '../fixtures.ts';
import { pixelSize, type PixelSize } from '../model-capabilities.ts';

export type { PixelSize };

export interface VideoFile extends PixelSize {
  duration: number;
  fps: number;
  sound: boolean;
}

/** Every pixel size a model makes: each of its resolutions at each of its aspect ratios. */
export function sizesOf(model: Model): PixelSize[] {
  const { resolutions, aspect_ratios } = model.capabilities;
  return Object.values(resolutions).flatMap(rule => aspect_ratios.map(ratio => pixelSize(rule, ratio)));
}

/** Every video file the fixtures' video models (or the one named) can claim. */
export function videoFiles(fixtures: Fixtures, modelId?: string): VideoFile[] {
  const files = new Map<string, VideoFile>();
  for (const model of fixtures.models.values()) {
    if (model.type !== 'video' || (modelId !== undefined && model.id !== modelId)) continue;
    const sounds = model.capabilities.sound ? [false, true] : [false];
    for (const size of sizesOf(model))
      for (const duration of model.capabilities.durations ?? [])
        for (const sound of sounds) {
          // fixtures.ts refuses a video model without fps: the fixtures are its one source.
          const file = { ...size, duration, fps: model.capabilities.fps!, sound };
          files.set(videoFileName(file), file);
        }
  }
  return [...files.values()];
}

/** The shipped file's name: `1280x720-5s-24fps.mp4`, `-sound` before the extension with an audio track. */
export const videoFileName = (f: VideoFile) =>
  `${f.width}x${f.height}-${f.duration}s-${f.fps}fps${f.sound ? '-sound' : ''}.mp4`;
