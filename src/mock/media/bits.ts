// Bit writers for the image encoders: JPEG packs bits from the most significant (with 0xFF stuffed),
// WebP lossless from the least significant.

/** A growable byte buffer. */
export class Bytes {
  #buf = new Uint8Array(1 << 16);
  length = 0;

  push(byte: number) {
    if (this.length === this.#buf.length) {
      const bigger = new Uint8Array(this.#buf.length * 2);
      bigger.set(this.#buf);
      this.#buf = bigger;
    }
    this.#buf[this.length++] = byte;
  }

  get bytes(): Uint8Array {
    return this.#buf.subarray(0, this.length);
  }
}

/** MSB first, a 0x00 after every 0xFF (JPEG entropy-coded data). */
export class JpegBits extends Bytes {
  #acc = 0;
  #count = 0;

  write(code: number, size: number) {
    this.#acc = (this.#acc << size) | code;
    this.#count += size;
    while (this.#count >= 8) {
      const byte = (this.#acc >>> (this.#count - 8)) & 0xff;
      this.push(byte);
      if (byte === 0xff) this.push(0);
      this.#count -= 8;
    }
    this.#acc &= (1 << this.#count) - 1;
  }

  /** Pads the last byte with 1 bits, as the standard asks. */
  flush() {
    if (this.#count > 0) this.write((1 << (8 - this.#count)) - 1, 8 - this.#count);
  }
}

/** LSB first (WebP lossless). */
export class LsbBits extends Bytes {
  #acc = 0;
  #count = 0;

  write(value: number, size: number) {
    this.#acc |= value << this.#count;
    this.#count += size;
    while (this.#count >= 8) {
      this.push(this.#acc & 0xff);
      this.#acc >>>= 8;
      this.#count -= 8;
    }
  }

  flush() {
    if (this.#count > 0) this.write(0, 8 - this.#count);
  }
}
