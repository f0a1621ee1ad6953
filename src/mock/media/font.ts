// A tiny built-in bitmap font (3×5 pixels a glyph, upper case, digits and a few signs), so that a
// placeholder image can show its model, size and prompt without a font file or a canvas library.

/** Each glyph: five rows of three pixels, top to bottom, `1` inked. */
const GLYPHS: Record<string, string> = {
  A: '010101111101101',
  B: '110101110101110',
  C: '011100100100011',
  D: '110101101101110',
  E: '111100110100111',
  F: '111100110100100',
  G: '011100101101011',
  H: '101101111101101',
  I: '111010010010111',
  J: '001001001101010',
  K: '101101110101101',
  L: '100100100100111',
  M: '101111111101101',
  N: '110101101101101',
  O: '010101101101010',
  P: '110101110100100',
  Q: '010101101110011',
  R: '110101110101101',
  S: '011100010001110',
  T: '111010010010010',
  U: '101101101101111',
  V: '101101101101010',
  W: '101101111111101',
  X: '101101010101101',
  Y: '101101010010010',
  Z: '111001010100111',
  '0': '111101101101111',
  '1': '010110010010111',
  '2': '110001010100111',
  '3': '110001010001110',
  '4': '101101111001001',
  '5': '111100110001110',
  '6': '011100111101111',
  '7': '111001010010010',
  '8': '111101111101111',
  '9': '111101111001110',
  '-': '000000111000000',
  '.': '000000000000010',
  ':': '000010000010000',
  ',': '000000000010100',
  '/': '001001010100100',
  '?': '110001010000010',
  '!': '010010010000010',
  ' ': '000000000000000',
};

export const GLYPH_WIDTH = 3;
export const GLYPH_HEIGHT = 5;

/** Inks `text` into a one-byte-per-pixel plane (`1` = ink) at (x, y), each font pixel `scale` wide. */
export function drawText(
  plane: Uint8Array,
  width: number,
  x: number,
  y: number,
  scale: number,
  text: string,
) {
  const height = plane.length / width;
  [...text.toUpperCase()].forEach((char, i) => {
    const glyph = GLYPHS[char] ?? GLYPHS['?']!;
    for (let bit = 0; bit < glyph.length; bit++) {
      if (glyph[bit] !== '1') continue;
      const left = x + (i * (GLYPH_WIDTH + 1) + (bit % GLYPH_WIDTH)) * scale;
      const top = y + Math.floor(bit / GLYPH_WIDTH) * scale;
      for (let row = top; row < Math.min(top + scale, height); row++)
        plane.fill(1, row * width + Math.min(left, width), row * width + Math.min(left + scale, width));
    }
  });
}
