// The content codings the proxy can undo to check an answer (gzip, deflate, br), each step stopped
// at a cap on decoded bytes (a few compressed bytes can decode to gigabytes), and the
// Accept-Encoding it forwards so that the upstream answers in one of them.
import { brotliDecompressSync, gunzipSync, inflateSync, type ZlibOptions } from 'node:zlib';

const DECODERS: Record<string, (bytes: Buffer, options: ZlibOptions) => Buffer> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

const codings = (header: string) =>
  header
    .split(',')
    .map(e => e.trim())
    .filter(e => e !== '');

/** Thrown when an answer decodes to more than the cap: decoding stopped there. */
export class DecodedTooLarge extends Error {}

/**
 * The body as text, undone of its Content-Encoding; throws on a coding the proxy cannot read, and
 * DecodedTooLarge past `maxBytes` decoded (zlib stops at the cap: memory and time stay bounded).
 */
export function decodeBody(body: Buffer, encoding: string | undefined, maxBytes: number): string {
  let bytes = body;
  for (const step of codings((encoding ?? '').toLowerCase())
    .filter(e => e !== 'identity')
    .reverse()) {
    const decode = DECODERS[step];
    if (!decode) throw new Error(`Content-Encoding ${step} is not one the proxy can read`);
    try {
      bytes = decode(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw error;
      throw new DecodedTooLarge(`${step} decodes to over ${maxBytes} bytes`);
    }
  }
  return bytes.toString('utf8');
}

/**
 * The caller's Accept-Encoding without the codings the proxy cannot read (a browser's `zstd`, `*`),
 * so that the answer can still be checked: `identity` when none is left; absent stays absent.
 */
export function readableAcceptEncoding(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const kept = codings(header).filter(e => {
    const name = e.split(';')[0]!.trim().toLowerCase();
    return name === 'identity' || name in DECODERS;
  });
  return kept.length > 0 ? kept.join(', ') : 'identity';
}
