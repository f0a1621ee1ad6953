// A two-colour raster as a PNG: indexed colour at one bit a pixel, deflated with node:zlib. Flat
// rows are runs of zero bytes, so a 2048×2048 placeholder deflates in a few milliseconds.
import { crc32, deflateSync } from 'node:zlib';
import type { Raster } from './placeholder.ts';

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng({ width, height, plane, colors }: Raster): Uint8Array {
  const stride = 1 + Math.ceil(width / 8);
  const raw = new Uint8Array(stride * height); // filter 0 (none) on every row
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) if (plane[row + x]) raw[y * stride + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 3, 0, 0, 0], 8); // bit depth 1, indexed colour, deflate, adaptive filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', Uint8Array.from(colors.flat())),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
