// The spec-derived type check: for every operation, the call with only its required parameters and
// body fields compiles, and each call missing one of them does not; every schema property is
// optional and nullable exactly as the spec says. Generated from generated/openapi.json here, at
// test time, and compiled in-process against the client and generated/schema.ts.
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, test } from 'vitest';
import { typesOptions } from '../../scripts/artifacts.ts';
import { loadSpec } from '../../src/kernel/load.ts';
import { readContract, type Spec } from '../../src/kernel/contract.ts';
import { root } from '../../scripts/root.ts';
import { repoOptions, typeCheck, type Check } from './compile.ts';
import { defaultsNotRequired, deriveTypeChecks } from './derive.ts';

const spec = loadSpec();
// A file that does not exist on disk, beside this one, so that its relative imports resolve.
const file = `${root}test/types/derived-checks.generated.ts`;
const source = deriveTypeChecks(spec, {
  client: '../../src/client/index.ts',
  schema: '../../generated/schema.ts',
});
const options = repoOptions({ noEmit: true });
// A compile takes 1 to 3 s alone and over 15 s on a loaded machine.
const compileTimeout = 120_000;
const lines = source.split('\n');
/** The generated file is not on disk: an error names the line above it too (what the line checks). */
const lineOf = (error: string) =>
  Number(/^test\/types\/derived-checks\.generated\.ts:(\d+):/.exec(error)?.[1]);
const withContext = (error: string) =>
  lineOf(error) ? `${error}\n  at: ${lines[lineOf(error) - 2]}\n      ${lines[lineOf(error) - 1]}` : error;

describe('the spec-derived type check', () => {
  let check: Check;

  test(
    'compiles against the client: minimal and full calls type-check, each missing required thing does not',
    () => {
      check = typeCheck({ [file]: source }, options);
      expect(check.errors.map(withContext)).toEqual([]);
    },
    compileTimeout,
  );

  test('covers every operation, each required body field and parameter, and the schemas', () => {
    const expected = lines
      .filter(l => l.startsWith('// @ts-expect-error'))
      .map(l => l.replace(/^\/\/ @ts-expect-error /, ''));
    expect(expected).toEqual(
      expect.arrayContaining([
        "POST /v2/images/generations with a body without the required 'model'",
        "POST /v2/images/generations with a body without the required 'prompt'",
        "POST /v2/videos/generations with a body without the required 'images[0].role'",
        "GET /v2/videos/generations/{id} without the required path parameter 'id'",
      ]),
    );
    expect(lines.filter(l => /required parameters and required body fields only$/.test(l))).toHaveLength(
      readContract(spec).operations.length,
    );
    expect(source).toContain(
      'void client.POST("/v2/videos/generations", {"body":{"model":"seedance-v1-pro","prompt":"x"}});',
    );
    expect(source).toContain(
      'presence<components["schemas"]["ErrorBase"], "param">("required", "nullable");',
    );
    expect(source).toContain(
      'presence<components["schemas"]["ImageGenerationRequest"], "output_format">("optional", "not null");',
    );
  });

  test(
    'fails on types that make a defaulted field required (the defaultNonNullable mistake)',
    async () => {
      const wrong = astToString(
        await openapiTS(spec as never, { ...typesOptions, defaultNonNullable: true }),
      );
      const { errors } = typeCheck({ [file]: source }, options, {
        replace: { [`${root}generated/schema.ts`]: wrong },
        old: check?.program,
      });
      const at = (error: string) => lines[lineOf(error) - 2];
      // The minimal image and video calls, and the presence of the two defaulted fields.
      expect(errors.filter(e => /Property '(output_format|sound)' is missing/.test(e)).map(at)).toEqual([
        '// POST /v2/images/generations: required parameters and required body fields only',
        '// POST /v2/videos/generations: required parameters and required body fields only',
      ]);
      expect(errors.filter(e => /"optional"/.test(e))).toHaveLength(2);
    },
    compileTimeout,
  );
});

test('a response or webhook field with a default is required: the API always sends it', () => {
  expect(defaultsNotRequired(spec)).toEqual([]);
  const changed = structuredClone(spec) as any;
  changed.components.schemas.Usage.properties.discount = { type: 'number', default: 0 };
  changed.components.schemas.VideoGenerationCompletedEvent.properties.attempt = {
    type: 'integer',
    default: 1,
  };
  changed.components.schemas.ImageGenerationRequest.properties.seed = { type: 'integer', default: 0 };
  expect(defaultsNotRequired(changed)).toEqual([
    '#/components/schemas/Usage/properties/discount',
    '#/components/schemas/VideoGenerationCompletedEvent/properties/attempt',
  ]);
});

// The contract has no readOnly or nullable request field today: a small spec that has them, typed with
// the build's options, shows the types and the derived check handle them. Its request body and its
// response are two schemas, as in the contract: the types carry no $Read/$Write markers (they would
// break openapi-msw handlers, docs/generators.md), so a read-only field is `readonly` in responses
// and kept out of request bodies by the schemas, not by the types.
const thing = {
  type: 'object',
  required: ['id', 'name', 'note'],
  properties: {
    id: { type: 'string', readOnly: true },
    name: { type: 'string' },
    note: { type: ['string', 'null'] },
    size: { type: 'integer', default: 1 },
  },
};
const newThing = {
  type: 'object',
  required: ['name', 'note'],
  properties: { name: thing.properties.name, note: thing.properties.note, size: thing.properties.size },
};
const small = {
  openapi: '3.1.0',
  info: { title: 'things', version: '1' },
  paths: {
    '/things': {
      post: {
        operationId: 'createThing',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/NewThing' } } },
        },
        responses: {
          200: {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
        },
      },
    },
  },
  components: { schemas: { Thing: thing, NewThing: newThing } },
};
// A parameter of the path item (not the operation) and a response schema written inline.
Object.assign(small.paths, {
  '/things/{id}': {
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    get: {
      operationId: 'getThing',
      responses: {
        200: {
          description: 'ok',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['thing'],
                properties: {
                  thing: { $ref: '#/components/schemas/Thing' },
                  etag: { type: ['string', 'null'] },
                },
              },
            },
          },
        },
      },
    },
  },
});

/** Derives the small spec's check and compiles it with `use`, against types made with the build's options. */
async function checkSmall(spec: object, use = '') {
  const dir = `${root}test/types/`;
  const derived = deriveTypeChecks(spec as Spec, {
    client: './small-client.ts',
    schema: './small-schema.ts',
  });
  const { errors } = typeCheck(
    { [`${dir}small-derived.ts`]: derived, [`${dir}small-use.ts`]: use },
    options,
    {
      replace: {
        [`${dir}small-schema.ts`]: astToString(await openapiTS(spec as never, typesOptions)),
        [`${dir}small-client.ts`]: `import createFetchClient from 'openapi-fetch';\nimport type { paths } from './small-schema.ts';\nexport const createClient = () => createFetchClient<paths>();`,
      },
    },
  );
  return { derived, errors };
}

test(
  'readOnly and nullable fields, in the types and in the derived check',
  async () => {
    const use = [
      `import { createClient } from './small-client.ts';`,
      `const { data } = await createClient().POST('/things', { body: { name: 'n', note: null } });`,
      `if (data) {`,
      `  const id: string = data.id;`,
      `  // @ts-expect-error a read-only field is readonly`,
      `  data.id = 'other';`,
      `  void [id, data.note?.length, data.size];`,
      `}`,
    ].join('\n');
    const { derived, errors } = await checkSmall(small, use);
    expect(errors).toEqual([]);
    expect(derived).toContain(`void client.POST("/things", {"body":{"name":"x","note":"x"}});`);
    expect(derived).toContain(`presence<components["schemas"]["Thing"], "note">("required", "nullable");`);
    expect(derived).toContain(`presence<components["schemas"]["Thing"], "size">("optional", "not null");`);
    expect(derived).toContain(
      `// @ts-expect-error GET /things/{id} without the required path parameter 'id'`,
    );
    expect(derived).toContain(
      `presence<paths["/things/{id}"]["get"]["responses"][200]["content"]["application/json"], "etag">("optional", "nullable");`,
    );
  },
  compileTimeout,
);

test(
  'fails on a read-only field in a request body: without markers the types would ask for it',
  async () => {
    const oneSchema = structuredClone(small) as any;
    oneSchema.paths['/things'].post.requestBody.content['application/json'].schema.$ref =
      '#/components/schemas/Thing';
    const { derived, errors } = await checkSmall(oneSchema);
    const line = derived
      .split('\n')
      .indexOf(`// @ts-expect-error POST /things with the read-only 'id' in its body`);
    expect(line).toBeGreaterThan(0);
    expect(errors).toEqual(
      expect.arrayContaining([
        `test/types/small-derived.ts:${line + 1}: Unused '@ts-expect-error' directive.`,
      ]),
    );
  },
  compileTimeout,
);
