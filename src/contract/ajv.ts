// One Ajv for the bundled contract: JSON Schema 2020-12 (the dialect of OpenAPI 3.1), every format
// checked, strict about unknown keywords except the OpenAPI and house ones listed here.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** Keywords OpenAPI adds to JSON Schema, and the house extensions of openapi/. */
const ANNOTATIONS = [
  'discriminator',
  'xml',
  'externalDocs',
  'example',
  'x-status',
  'x-retryable',
  'x-action',
  'x-breaking-allowed',
];
/** The document's own top-level fields: Ajv passes through them to reach the schemas inside. */
const DOCUMENT_FIELDS = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'security',
  'tags',
  'paths',
  'webhooks',
  'components',
];
export const SPEC_ID = 'mediagen:openapi';

/**
 * With `source`, the compiled functions keep their code, for `scripts/validators.ts` to write out,
 * and each shared `$ref` target is one function instead of a copy per use: half the code to load.
 */
export function createSpecAjv(spec: object, { source = false } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    validateFormats: true,
    code: { source, lines: source },
    inlineRefs: !source,
  });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addVocabulary([...ANNOTATIONS, ...DOCUMENT_FIELDS]);
  // The whole document is added (not compiled) so that any schema in it can be reached by pointer.
  ajv.addSchema({ ...spec, $id: SPEC_ID }, undefined, undefined, false);
  return ajv;
}

/** A JSON pointer into the bundle (`#/components/...` or any `#/paths/...` location) as an Ajv ref. */
export const specRef = (pointer: string) => `${SPEC_ID}${pointer}`;
