// JSON pointers (RFC 6901) into a spec: `#/paths/~1v2~1models/get`. One escaping for every reader.
import type { Json, JsonObject } from './json.ts';

export const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
export const unescapeToken = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** `#/a/b~1c` from the tokens `a`, `b/c`. */
export const pointerTo = (...tokens: (string | number)[]) =>
  '#' + tokens.map(t => '/' + escapeToken(String(t))).join('');

/** The unescaped tokens of a `#/...` pointer. */
export const tokensOf = (pointer: string): string[] =>
  pointer.replace(/^#\/?/, '').split('/').filter(Boolean).map(unescapeToken);

/** The value at a `#/...` pointer of a document. */
export function at(doc: JsonObject, pointer: string): Json | undefined {
  let node: Json | undefined = doc;
  for (const token of tokensOf(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(token)] : node[token];
  }
  return node;
}

/** Follows `$ref`s (local ones only: a bundle has no others) and returns the final pointer. */
export function follow(doc: JsonObject, pointer: string): string {
  for (let hops = 0; hops < 32; hops++) {
    const node = at(doc, pointer);
    const ref = node && typeof node === 'object' && !Array.isArray(node) ? node.$ref : undefined;
    if (typeof ref !== 'string') return pointer;
    pointer = ref;
  }
  throw new Error(`$ref loop at ${pointer}`);
}
