// Helpers for the media tests: media URLs of what the fixtures make, and the pixel size a PNG, JPEG
// or WebP file says in its own header (read here, independently of the encoders).
import type { components } from '../../generated/schema.ts';
import { mediaUrl, type MediaFormat, type MediaRef } from '../../src/mock/media/url.ts';

type Schemas = components['schemas'];
/** One file of an answer's `data`: an image's fields, and a video's too when it is one. */
export type Media = Schemas['ImageMedia'] & Partial<Omit<Schemas['VideoMedia'], keyof Schemas['ImageMedia']>>;

export const HOUR = 3600_000;

export function imageRef(
  format: MediaFormat,
  width: number,
  height: number,
  extra: Partial<MediaRef> = {},
): MediaRef {
  return {
    generationId: 'img_01JDQ8ZK4T9V2K7M3N5P8R6WXY',
    index: 0,
    format,
    width,
    height,
    model: 'seedream-5-lite',
    label: 'a red fox in the snow',
    deletesAt: Date.now() + HOUR,
    ...extra,
  };
}

export const videoRef = (width: number, height: number, extra: Partial<MediaRef> = {}): MediaRef =>
  imageRef('mp4', width, height, {
    generationId: 'vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY',
    model: 'seedance-v1-pro',
    duration: 5,
    fps: 24,
    ...extra,
  });

export const urlOf = (origin: string, ref: MediaRef) => mediaUrl(origin, ref);

/** Width and height from the file's header, or undefined when it is not a PNG, baseline JPEG or VP8L WebP. */
export function pixelSizeOf(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0x89 && String.fromCharCode(...bytes.subarray(1, 4)) === 'PNG')
    return { width: view.getUint32(16), height: view.getUint32(20) };
  if (String.fromCharCode(...bytes.subarray(8, 16)) === 'WEBPVP8L' && bytes[20] === 0x2f) {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  for (
    let i = 2;
    bytes[0] === 0xff && bytes[1] === 0xd8 && i < bytes.length;
    i += 2 + view.getUint16(i + 2)
  ) {
    if (bytes[i + 1] === 0xc0) return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
  }
  return undefined;
}

/** The top-level MP4 boxes in order (`ftyp`, `moov`, `mdat`...). */
export function mp4Boxes(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: string[] = [];
  for (let at = 0; at + 8 <= bytes.length; at += view.getUint32(at))
    boxes.push(String.fromCharCode(...bytes.subarray(at + 4, at + 8)));
  return boxes;
}
