// The picture a generated image shows in the mock: a background colour derived from the generation
// id (so that two generations look apart in a gallery), with the model, the size and the start of the
// prompt written on it. Two colours only, which every encoder beside this one exploits.
import { drawText, GLYPH_HEIGHT, GLYPH_WIDTH } from './font.ts';
import type { MediaRef } from './url.ts';

export type Rgb = readonly [number, number, number];

/** An image of two colours: one byte a pixel, 0 background, 1 ink. */
export interface Raster {
  width: number;
  height: number;
  plane: Uint8Array;
  colors: readonly [Rgb, Rgb];
}

/** A pleasant, mid-dark colour from a string's hash (FNV-1a): the hue varies, the tone stays. */
function colorOf(id: string): Rgb {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  const hue = (hash % 360) / 60;
  const ramp = (n: number) =>
    Math.round(60 + 110 * Math.max(0, Math.min(1, Math.abs(((hue + n) % 6) - 3) - 1)));
  return [ramp(0), ramp(4), ramp(2)];
}

export function renderPlaceholder(ref: MediaRef): Raster {
  const { width, height } = ref;
  const plane = new Uint8Array(width * height);
  const lines = [ref.model, `${width}x${height}`, ref.label];
  const longest = Math.max(...lines.map(l => l.length), 1);
  const scale = Math.max(
    1,
    Math.floor(Math.min(width / ((GLYPH_WIDTH + 1) * longest + 4), height / ((GLYPH_HEIGHT + 2) * 3 + 4))),
  );
  const top = Math.max(0, Math.floor((height - (GLYPH_HEIGHT + 2) * 3 * scale) / 2));
  lines.forEach((line, i) =>
    drawText(plane, width, 2 * scale, top + i * (GLYPH_HEIGHT + 2) * scale, scale, line),
  );
  return { width, height, plane, colors: [colorOf(ref.generationId), [245, 245, 240]] };
}
