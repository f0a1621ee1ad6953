// A least-recently-used cache bounded by bytes: rendered images are kept while they fit, so a
// gallery that shows the same files again is served from memory, and memory stays bounded.

export class ByteLru {
  readonly #entries = new Map<string, Uint8Array>();
  #bytes = 0;

  constructor(readonly maxBytes: number) {}

  get bytes() {
    return this.#bytes;
  }

  get(key: string): Uint8Array | undefined {
    const value = this.#entries.get(key);
    if (value) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: Uint8Array) {
    if (value.length > this.maxBytes) return;
    const old = this.#entries.get(key);
    if (old) this.#bytes -= old.length;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    this.#bytes += value.length;
    for (const [oldest, bytes] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= bytes.length;
    }
  }
}
