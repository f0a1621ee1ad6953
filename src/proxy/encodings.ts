// The content codings the proxy can undo to check an answer (gzip, deflate, br), and the
// Accept-Encoding it forwards so that the upstream answers in one of them.
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

const DECODERS: Record<string, (bytes: Buffer) => Buffer> = {
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

/** The body as text, undone of its Content-Encoding; throws on a coding the proxy cannot read. */
export function decodeBody(body: Buffer, encoding: string | undefined): string {
  let bytes = body;
  for (const step of codings((encoding ?? '').toLowerCase())
    .filter(e => e !== 'identity')
    .reverse()) {
    const decode = DECODERS[step];
    if (!decode) throw new Error(`Content-Encoding ${step} is not one the proxy can read`);
    bytes = decode(bytes);
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
