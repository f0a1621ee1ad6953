// A two-colour raster as a lossless WebP (VP8L), written here so that nothing is needed at run time.
// No transform and no colour cache; pixels are literals of the two colours or LZ77 copies of the
// pixel above (a row like the last one) or to the left (a run), so a flat image is a few bytes a row.
import { LsbBits } from './bits.ts';
import type { Raster } from './placeholder.ts';

const MAX_COPY = 4096;
const LENGTH_CODES = 24;
/** The code-length code's symbols in the order their lengths are written. */
const CODE_LENGTH_ORDER = [17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
/** Distance symbols: 0 is the pixel above (plane code (0,1)), 1 the pixel to the left ((1,0)). */
const ABOVE = 0;
const LEFT = 1;

const reversed = (code: number, length: number) => {
  let out = 0;
  for (let i = 0; i < length; i++) out |= ((code >> i) & 1) << (length - 1 - i);
  return out;
};

/** The green alphabet's code: the literals (one or two green values) and every length prefix. */
function greenCode(greens: number[]): { lengths: number[]; codes: Map<number, [number, number]> } {
  const symbols = [...greens, ...Array.from({ length: LENGTH_CODES }, (_, i) => 256 + i)];
  // A complete code: the first (32 − n) symbols four bits long, the others five.
  const short = 32 - symbols.length;
  const lengths = new Array<number>(256 + LENGTH_CODES).fill(0);
  symbols.forEach((s, i) => (lengths[s] = i < short ? 4 : 5));
  const codes = new Map<number, [number, number]>();
  let code = 0;
  for (const length of [4, 5]) {
    for (let s = 0; s < lengths.length; s++)
      if (lengths[s] === length) codes.set(s, [reversed(code++, length), length]);
    code <<= 1;
  }
  return { lengths, codes };
}

function writeGreenCode(out: LsbBits, lengths: number[]) {
  out.write(0, 1); // a normal code
  // The code-length code: length 0 is `0`, 4 is `10`, 5 is `11` (codes 1, 2, 2 bits long).
  const lengthOfLength: Record<number, number> = { 0: 1, 4: 2, 5: 2 };
  const written = CODE_LENGTH_ORDER.indexOf(5) + 1;
  out.write(written - 4, 4);
  for (const s of CODE_LENGTH_ORDER.slice(0, written)) out.write(lengthOfLength[s] ?? 0, 3);
  out.write(0, 1); // every symbol's length follows
  const code: Record<number, [number, number]> = {
    0: [0, 1],
    4: [reversed(2, 2), 2],
    5: [reversed(3, 2), 2],
  };
  for (const length of lengths) out.write(...code[length]!);
}

/** A simple code of one or two 8-bit symbols; returns each symbol's bit (the smaller is `0`). */
function writeSimpleCode(out: LsbBits, symbols: number[]): Map<number, number> {
  const sorted = [...new Set(symbols)].sort((a, b) => a - b);
  out.write(1, 1);
  out.write(sorted.length - 1, 1);
  out.write(1, 1); // 8-bit symbols
  for (const s of sorted) out.write(s, 8);
  return new Map(sorted.map((s, i) => [s, sorted.length > 1 ? i : -1]));
}

/** A copy of `length` pixels: the length's prefix and extra bits, then the distance symbol. */
function writeCopy(out: LsbBits, green: Map<number, [number, number]>, length: number, distance: number) {
  const v = length - 1;
  const high = v < 4 ? 0 : 31 - Math.clz32(v);
  const prefix = v < 4 ? v : 2 * high + ((v >> (high - 1)) & 1);
  out.write(...green.get(256 + prefix)!);
  if (v >= 4) out.write(v & ((1 << (high - 1)) - 1), high - 1);
  out.write(distance, 1);
}

function header(width: number, height: number): LsbBits {
  const out = new LsbBits();
  out.write(0x2f, 8);
  out.write(width - 1, 14);
  out.write(height - 1, 14);
  out.write(0, 4); // no alpha, version 0
  out.write(0, 1); // no transform
  out.write(0, 1); // no colour cache
  out.write(0, 1); // one prefix code group
  return out;
}

const run = (plane: Uint8Array, from: number, offset: number) => {
  let n = 0;
  while (n < MAX_COPY && from + n < plane.length && plane[from + n] === plane[from + n - offset]) n++;
  return n;
};

function writePixels(
  out: LsbBits,
  raster: Raster,
  green: Map<number, [number, number]>,
  rb: Map<number, number>[],
) {
  const { width, plane, colors } = raster;
  for (let p = 0; p < plane.length;) {
    const above = p >= width ? run(plane, p, width) : 0;
    const left = above < 16 && p > 0 ? run(plane, p, 1) : 0;
    if (above >= 16 || (above > 0 && above >= left)) {
      writeCopy(out, green, above, ABOVE);
      p += above;
    } else if (left > 0) {
      writeCopy(out, green, left, LEFT);
      p += left;
    } else {
      const [r, g, b] = colors[plane[p]!]!;
      out.write(...green.get(g)!);
      for (const [i, value] of [r, b].entries())
        if (rb[i]!.get(value)! >= 0) out.write(rb[i]!.get(value)!, 1);
      p++;
    }
  }
}

export function encodeWebp(raster: Raster): Uint8Array {
  const { width, height, colors } = raster;
  const out = header(width, height);
  const green = greenCode([...new Set(colors.map(c => c[1]))]);
  writeGreenCode(out, green.lengths);
  const rb = [0, 2].map(i =>
    writeSimpleCode(
      out,
      colors.map(c => c[i]!),
    ),
  );
  writeSimpleCode(out, [255]);
  writeSimpleCode(out, [ABOVE, LEFT]);
  writePixels(out, raster, green.codes, rb);
  out.flush();
  const data = out.bytes;
  const padded = data.length + (data.length & 1);
  const file = Buffer.alloc(20 + padded);
  file.write('RIFF', 0, 'latin1');
  file.writeUInt32LE(12 + padded, 4);
  file.write('WEBPVP8L', 8, 'latin1');
  file.writeUInt32LE(data.length, 16);
  file.set(data, 20);
  return file;
}
