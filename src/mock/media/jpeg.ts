// A two-colour raster as a baseline JPEG (4:4:4 YCbCr), written here so that nothing is needed at
// run time. A flat 8×8 block is its DC alone (6 bits for three components, with the Huffman tables
// below made for it); only the blocks the text crosses go through a DCT.
import { JpegBits } from './bits.ts';
import type { Raster, Rgb } from './placeholder.ts';

const QUANT = 4;
/** The natural index of each zig-zag position. */
const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
  14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46,
  53, 60, 61, 54, 47, 55, 62, 63,
];
/** DC: size 0 is `0`, sizes 1–11 five bits. AC: end-of-block is `0`, every other symbol nine bits. */
const DC_VALUES = Array.from({ length: 12 }, (_, i) => i);
const AC_VALUES = [0x00, ...Array.from({ length: 160 }, (_, i) => ((i / 10) << 4) | ((i % 10) + 1)), 0xf0];
const DC_BITS = [1, 0, 0, 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_BITS = [1, 0, 0, 0, 0, 0, 0, 0, 161, 0, 0, 0, 0, 0, 0, 0];

/** Canonical codes from the counts per length: symbol → [code, length]. */
function codes(bits: number[], values: number[]): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>();
  let code = 0;
  let k = 0;
  bits.forEach((count, i) => {
    for (let n = 0; n < count; n++) out.set(values[k++]!, [code++, i + 1]);
    code <<= 1;
  });
  return out;
}
const DC = codes(DC_BITS, DC_VALUES);
const AC = codes(AC_BITS, AC_VALUES);
const COS = Array.from({ length: 64 }, (_, i) => Math.cos(((2 * (i >> 3) + 1) * (i & 7) * Math.PI) / 16));
const C = (u: number) => (u === 0 ? Math.SQRT1_2 : 1);

const ycc = ([r, g, b]: Rgb) => [
  0.299 * r + 0.587 * g + 0.114 * b - 128,
  -0.168736 * r - 0.331264 * g + 0.5 * b,
  0.5 * r - 0.418688 * g - 0.081312 * b,
];

const rows = new Float64Array(64);
/** The quantized coefficients of one block, in natural order: the DCT of the rows, then of the columns. */
function dct(block: Float64Array): Int32Array {
  const out = new Int32Array(64);
  for (let y = 0; y < 8; y++)
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let x = 0; x < 8; x++) sum += block[y * 8 + x]! * COS[x * 8 + u]!;
      rows[y * 8 + u] = sum;
    }
  for (let v = 0; v < 8; v++)
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let y = 0; y < 8; y++) sum += rows[y * 8 + u]! * COS[y * 8 + v]!;
      out[v * 8 + u] = Math.round((0.25 * C(u) * C(v) * sum) / QUANT);
    }
  return out;
}

const sizeOf = (n: number) => (n === 0 ? 0 : 32 - Math.clz32(Math.abs(n)));
const extra = (n: number, size: number) => (n >= 0 ? n : n + (1 << size) - 1);

function writeBlock(out: JpegBits, coefs: Int32Array, prevDc: number): number {
  const diff = coefs[0]! - prevDc;
  const [dcCode, dcLen] = DC.get(sizeOf(diff))!;
  out.write(dcCode, dcLen);
  if (diff !== 0) out.write(extra(diff, sizeOf(diff)), sizeOf(diff));
  let run = 0;
  for (let k = 1; k < 64; k++) {
    const c = coefs[ZIGZAG[k]!]!;
    if (c === 0) {
      run++;
      continue;
    }
    for (; run > 15; run -= 16) out.write(...AC.get(0xf0)!);
    const size = sizeOf(c);
    out.write(...AC.get((run << 4) | size)!);
    out.write(extra(c, size), size);
    run = 0;
  }
  if (run > 0) out.write(...AC.get(0x00)!);
  return coefs[0]!;
}

function segment(marker: number, data: number[]): number[] {
  return [0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data];
}

function headers(width: number, height: number): number[] {
  const component = (id: number) => [id, 0x11, 0];
  return [
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0, ...new Array<number>(64).fill(QUANT)]),
    ...segment(0xc0, [
      8,
      height >> 8,
      height & 0xff,
      width >> 8,
      width & 0xff,
      3,
      ...[1, 2, 3].flatMap(component),
    ]),
    ...segment(0xc4, [0x00, ...DC_BITS, ...DC_VALUES]),
    ...segment(0xc4, [0x10, ...AC_BITS, ...AC_VALUES]),
    ...segment(0xda, [3, 1, 0, 2, 0, 3, 0, 0, 63, 0]),
  ];
}

/** The inks of the block at (bx, by), edge pixels repeated past the image; whether it is flat. */
function inksOf({ width, height, plane }: Raster, bx: number, by: number, out: Uint8Array): boolean {
  let flat = true;
  for (let y = 0; y < 8; y++) {
    const row = Math.min(by * 8 + y, height - 1) * width;
    for (let x = 0; x < 8; x++) {
      const ink = plane[row + Math.min(bx * 8 + x, width - 1)]!;
      out[y * 8 + x] = ink;
      if (ink !== out[0]) flat = false;
    }
  }
  return flat;
}

export function encodeJpeg(raster: Raster): Uint8Array {
  const { width, height, colors } = raster;
  const values = colors.map(ycc);
  const levels = [0, 1, 2].map(c => values.map(v => v[c]!));
  const out = new JpegBits();
  for (const byte of headers(width, height)) out.push(byte);
  const prev = [0, 0, 0];
  const inks = new Uint8Array(64);
  const block = new Float64Array(64);
  const flatBlock = new Int32Array(64);
  for (let by = 0; by < Math.ceil(height / 8); by++)
    for (let bx = 0; bx < Math.ceil(width / 8); bx++) {
      const flat = inksOf(raster, bx, by, inks);
      for (let c = 0; c < 3; c++) {
        const level = levels[c]!;
        if (flat) flatBlock[0] = Math.round((8 * level[inks[0]!]!) / QUANT);
        else for (let i = 0; i < 64; i++) block[i] = level[inks[i]!]!;
        prev[c] = writeBlock(out, flat ? flatBlock : dct(block), prev[c]!);
      }
    }
  out.flush();
  out.push(0xff);
  out.push(0xd9);
  return out.bytes;
}
