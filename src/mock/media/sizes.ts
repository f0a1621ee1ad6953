// What media the fixtures' models can produce: the pixel size each resolution means for each aspect
// ratio, and for a video model every (size, duration, fps, sound) file the media route must have.
// The media route serves only these, so that memory stays bounded whatever a URL asks.
import type { Fixtures, Model } from '../fixtures.ts';

export interface PixelSize {
  width: number;
  height: number;
}

export interface VideoFile extends PixelSize {
  duration: number;
  fps: number;
  sound: boolean;
}

/** Frames per second of a video model's output, until the fixtures state it per model. */
export const VIDEO_FPS = 24;
const even = (n: number) => Math.round(n / 2) * 2;

/**
 * The pixels of `resolution` at `ratio` ("16:9"): `NK` is the long side (N × 1024), `Np` the short
 * side (N pixels); the other side is rounded to an even number, as video encoders need.
 */
export function pixelSize(resolution: string, ratio: string): PixelSize | undefined {
  const [a, b] = ratio.split(':').map(Number);
  if (!a || !b) return undefined;
  const k = /^(\d+)K$/.exec(resolution);
  const p = /^(\d+)p$/.exec(resolution);
  if (k) {
    const long = Number(k[1]) * 1024;
    return a >= b
      ? { width: long, height: even((long * b) / a) }
      : { width: even((long * a) / b), height: long };
  }
  if (p) {
    const short = Number(p[1]);
    return a >= b
      ? { width: even((short * a) / b), height: short }
      : { width: short, height: even((short * b) / a) };
  }
  return undefined;
}

/** Every pixel size a model makes. */
export function sizesOf(model: Model): PixelSize[] {
  const { resolutions = [], aspect_ratios = [] } = model.capabilities;
  return resolutions.flatMap(r => aspect_ratios.flatMap(ratio => pixelSize(r, ratio) ?? []));
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
          const file = { ...size, duration, fps: VIDEO_FPS, sound };
          files.set(videoFileName(file), file);
        }
  }
  return [...files.values()];
}

/** The shipped file's name: `1280x720-5s-24fps.mp4`, `-sound` before the extension with an audio track. */
export const videoFileName = (f: VideoFile) =>
  `${f.width}x${f.height}-${f.duration}s-${f.fps}fps${f.sound ? '-sound' : ''}.mp4`;
