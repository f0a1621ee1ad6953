// The bytes of a media file: a placeholder image rendered and encoded on first use (then kept in a
// bounded cache), or a shipped video read from assets/ once.
import { readFileSync } from 'node:fs';
import { ByteLru } from './cache.ts';
import { encodeJpeg } from './jpeg.ts';
import { renderPlaceholder } from './placeholder.ts';
import { encodePng } from './png.ts';
import { videoFileName, type VideoFile } from './sizes.ts';
import type { MediaFormat, MediaRef } from './url.ts';
import { encodeWebp } from './webp.ts';

/** Rendered images kept (a 2048×2048 placeholder is a few KiB as PNG or WebP, tens of KiB as JPEG). */
export const IMAGE_CACHE_BYTES = 32 * 1024 * 1024;
const ASSETS = new URL('./assets/', import.meta.url);
const ENCODERS: Record<Exclude<MediaFormat, 'mp4'>, typeof encodePng> = {
  png: encodePng,
  jpeg: encodeJpeg,
  webp: encodeWebp,
};

const images = new ByteLru(IMAGE_CACHE_BYTES);
const videos = new Map<string, Uint8Array>();

/** What an image shows depends on these only: the same values give the same bytes. */
const imageKey = (ref: MediaRef) =>
  JSON.stringify([ref.format, ref.width, ref.height, ref.generationId, ref.model, ref.label]);

export function imageBytes(ref: MediaRef): Uint8Array {
  const key = imageKey(ref);
  const cached = images.get(key);
  if (cached) return cached;
  const bytes = ENCODERS[ref.format as keyof typeof ENCODERS](renderPlaceholder(ref));
  images.set(key, bytes);
  return bytes;
}

/**
 * The shipped file, or undefined when none was made for it (a `--fixtures` model of another size).
 * The set is the fixtures' (sizes.ts), a few KiB a file, so every one read may stay in memory.
 */
export function videoBytes(file: VideoFile): Uint8Array | undefined {
  const name = videoFileName(file);
  if (!videos.has(name)) {
    const read = (() => {
      try {
        return readFileSync(new URL(name, ASSETS));
      } catch {
        return undefined;
      }
    })();
    if (!read) return undefined;
    videos.set(name, read);
  }
  return videos.get(name);
}
