// generated/validators.js: Ajv's standalone code for every schema a contract check can reach, so
// that a validator costs a module load instead of a compilation (~300 ms). Keyed by the bundle's
// digest: src/contract/validate.ts uses it only for that exact bundle.
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createSpecAjv, specRef } from '../src/contract/ajv.ts';
import { checkedSchemas } from '../src/contract/checked-schemas.ts';
import { specDigest } from '../src/contract/digest.ts';
import { readContract, type Spec } from '../src/contract/spec.ts';

/** The module's text: Ajv's functions as `v0`, `v1`, ..., a table from pointer to function, and the digest. */
export function renderValidatorsModule(spec: Spec, banner: string): string {
  const ajv = createSpecAjv(spec, { source: true });
  const pointers = checkedSchemas(readContract(spec));
  const exports = Object.fromEntries(pointers.map((pointer, i) => [`v${i}`, specRef(pointer)]));
  const code = standaloneCode(ajv, exports);
  const table = pointers.map((pointer, i) => `  ${JSON.stringify(pointer)}: v${i},`).join('\n');
  return [
    `// ${banner}`,
    // Ajv's code requires its runtime helpers and ajv-formats by name; this is an ES module.
    `import { createRequire } from 'node:module';`,
    `const require = createRequire(import.meta.url);`,
    code.replace(/^"use strict";/, '').replace(/\bexports\.(v\d+) = /g, 'const $1 = '),
    `export const bundleDigest = ${JSON.stringify(specDigest(spec))};`,
    `export const validators = {\n${table}\n};`,
    '',
  ].join('\n');
}

export const validatorsTypes = (banner: string) => `// ${banner}
import type { ValidateFunction } from 'ajv';

/** sha256 of JSON.stringify(bundle): the bundle these functions were compiled from. */
export declare const bundleDigest: string;
/** Schema pointer (\`#/paths/...\`, \`#/components/...\`) → its compiled validator. */
export declare const validators: Record<string, ValidateFunction>;
`;
