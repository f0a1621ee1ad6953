// generated/validators.js: Ajv's standalone code for every schema a contract check can reach, so
// that a validator costs a module load instead of a compilation (~300 ms). Keyed by the bundle's
// digest: src/contract/validate.ts uses it only for that exact bundle. The code itself is in
// generated/validators-code.txt, one group per operation (and webhook); a group is read and compiled
// when one of its schemas is first used, so that creating a validator does not grow with the contract.
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createSpecAjv, specRef } from '../src/contract/ajv.ts';
import { checkedSchemaGroups } from '../src/contract/checked-schemas.ts';
import { specDigest } from '../src/contract/digest.ts';
import { readContract, type Spec } from '../src/kernel/contract.ts';

/** How Ajv's code counts a string's characters for minLength/maxLength (its `unicode` default). */
const UCS2LENGTH = 'require("ajv/dist/runtime/ucs2length").default';
/** How Ajv's code checks `format: uri` (ajv-formats' full RFC 3986 pattern). */
const URI = 'require("ajv-formats/dist/formats").fullFormats.uri';

/** The module's runtime: the code-point count Ajv's code uses, and the group instantiated on first use. */
const RUNTIME = `// Ajv's code requires its runtime helpers and ajv-formats by name; this is an ES module.
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const ucs2length = ${UCS2LENGTH};
const HIGH_SURROGATE = /[\\uD800-\\uDBFF]/;
/** A string's length in code points, as Ajv's ucs2length counts it: without a surrogate pair, one per character (no loop). */
export const codePoints = text => (HIGH_SURROGATE.test(text) ? ucs2length(text) : text.length);
const rfc3986 = ${URI};
// A plain URL (scheme://host[:port]/path?query#fragment in unreserved characters) is a sublanguage of
// the full pattern: it is accepted at once, and anything else is left to the full pattern.
const PLAIN_URL = /^[a-z][a-z0-9+\\-.]*:\\/\\/[a-z0-9\\-._~]*(?::\\d*)?(?:\\/[a-z0-9\\-._~]*)*(?:\\?[a-z0-9\\-._~=&]*)?(?:#[a-z0-9\\-._~]*)?$/i;
/** \`format: uri\` exactly as ajv-formats judges it, a plain URL without its long pattern. */
export const uri = text => PLAIN_URL.test(text) || rfc3986(text);
const CODE = new URL('./validators-code.txt', import.meta.url);
/** The text of group \`g\`: its bytes in validators-code.txt, read alone. */
function groupText(g) {
  const [offset, length] = groups[g];
  const bytes = Buffer.alloc(length);
  const fd = openSync(CODE, 'r');
  try {
    readSync(fd, bytes, 0, length, offset);
  } finally {
    closeSync(fd);
  }
  return bytes.toString('utf8');
}
const instances = [];
/** The functions of group \`g\` (\`v0\`, \`v1\`, ...), compiled from its text on first use. */
function group(g) {
  if (!instances[g]) {
    const exports = {};
    new Function('exports', 'require', 'codePoints', 'uri', groupText(g))(exports, require, codePoints, uri);
    instances[g] = exports;
  }
  return instances[g];
}`;

/** One group's code: Ajv's functions for `pointers` as `exports.v0`, `exports.v1`, ..., with `codePoints` and `uri` for Ajv's own. */
function groupCode(ajv: ReturnType<typeof createSpecAjv>, pointers: string[]): string {
  const code = standaloneCode(
    ajv,
    Object.fromEntries(pointers.map((pointer, i) => [`v${i}`, specRef(pointer)])),
  );
  return code
    .replace(/^"use strict";/, '')
    .replaceAll(UCS2LENGTH, 'codePoints')
    .replaceAll(URI, 'uri');
}

/**
 * The module's text (the runtime, the digest, where each group's code is, a table from pointer to its
 * function) and the code's: the groups one after another, each headed by a comment naming it.
 */
export function renderValidators(spec: Spec, banner: string): { module: string; code: string } {
  const ajv = createSpecAjv(spec, { source: true });
  const groups = checkedSchemaGroups(readContract(spec));
  const texts = groups.map(
    (pointers, g) => `// group ${g}: ${JSON.stringify(pointers[0])}\n${groupCode(ajv, pointers)}\n`,
  );
  let offset = 0;
  const spans = texts.map(text => {
    const span = [offset, Buffer.byteLength(text)];
    offset += span[1]!;
    return `  [${span.join(', ')}],`;
  });
  const table = groups.flatMap((pointers, g) =>
    pointers.map((pointer, i) => `  [${JSON.stringify(pointer)}, ${g}, 'v${i}'],`),
  );
  const module = [
    `// ${banner}`,
    RUNTIME,
    `export const bundleDigest = ${JSON.stringify(specDigest(spec))};`,
    "/** Each group's [byte offset, byte length] in validators-code.txt. */",
    `const groups = [\n${spans.join('\n')}\n];`,
    '/** Schema pointer → its validator: a getter, so that reading it instantiates its group. */',
    'export const validators = {};',
    `for (const [pointer, g, name] of [\n${table.join('\n')}\n]) Object.defineProperty(validators, pointer, { enumerable: true, get: () => group(g)[name] });`,
    '',
  ].join('\n');
  return { module, code: texts.join('') };
}

export const validatorsTypes = (banner: string) => `// ${banner}
import type { ValidateFunction } from 'ajv';

/** sha256 of JSON.stringify(bundle): the bundle these functions were compiled from. */
export declare const bundleDigest: string;
/** Schema pointer (\`#/paths/...\`, \`#/components/...\`) → its compiled validator (instantiated when first read). */
export declare const validators: Record<string, ValidateFunction>;
/** A string's length in code points, exactly as Ajv's ucs2length counts it (minLength, maxLength). */
export declare function codePoints(text: string): number;
/** Whether a string is a URI, exactly as ajv-formats' full \`uri\` format judges it. */
export declare function uri(text: string): boolean;
`;
