// The spec-derived type check: for every operation, the call with only its required parameters and
// body fields compiles, and each call missing one of them does not; every schema property is
// optional and nullable exactly as the spec says. Generated from generated/openapi.json here, at
// test time, and compiled in-process against the client and generated/schema.ts.
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, test } from 'vitest';
import { loadSpec, readContract } from '../../src/contract/spec.ts';
import { repoOptions, root, typeCheck, type Check } from './compile.ts';
import { deriveTypeChecks } from './derive.ts';

const spec = loadSpec();
// A file that does not exist on disk, beside this one, so that its relative imports resolve.
const file = `${root}test/types/derived-checks.generated.ts`;
const source = deriveTypeChecks(spec, { client: '../../src/client/index.ts', schema: '../../generated/schema.ts' });
const options = repoOptions({ noEmit: true });
const lines = source.split('\n');

describe('the spec-derived type check', () => {
  let check: Check;

  test('compiles against the client: minimal and full calls type-check, each missing required thing does not', () => {
    check = typeCheck({ [file]: source }, options);
    expect(check.errors).toEqual([]);
  });

  test('covers every operation, each required body field and parameter, and the schemas', () => {
    const expected = lines.filter((l) => l.startsWith('// @ts-expect-error')).map((l) => l.replace(/^\/\/ @ts-expect-error /, ''));
    expect(expected).toEqual(
      expect.arrayContaining([
        "POST /v2/images/generations with a body without the required 'model'",
        "POST /v2/images/generations with a body without the required 'prompt'",
        "POST /v2/videos/generations with a body without the required 'images[0].role'",
        "GET /v2/videos/generations/{id} without the required path parameter 'id'",
      ]),
    );
    expect(lines.filter((l) => /required parameters and required body fields only$/.test(l))).toHaveLength(readContract(spec).operations.length);
    expect(source).toContain('void client.POST("/v2/videos/generations", {"body":{"model":"seedream-5-lite","prompt":"x"}});');
    expect(source).toContain('presence<components["schemas"]["ErrorBase"], "param">("required", "nullable");');
    expect(source).toContain('presence<components["schemas"]["ImageGenerationRequest"], "output_format">("optional", "not null");');
  });

  test('fails on types that make a defaulted field required (the defaultNonNullable mistake)', async () => {
    const wrong = astToString(await openapiTS(spec as never, { exportType: true, readWriteMarkers: true }));
    const { errors } = typeCheck({ [file]: source }, options, { replace: { [`${root}generated/schema.ts`]: wrong }, old: check?.program });
    const at = (error: string) => lines[Number(/^test\/types\/derived-checks\.generated\.ts:(\d+):/.exec(error)?.[1]) - 2];
    // The minimal image and video calls, and the presence of the two defaulted fields.
    expect(errors.filter((e) => /Property '(output_format|sound)' is missing/.test(e)).map(at)).toEqual([
      '// POST /v2/images/generations: required parameters and required body fields only',
      '// POST /v2/videos/generations: required parameters and required body fields only',
    ]);
    expect(errors.filter((e) => /"optional"/.test(e))).toHaveLength(2);
  });
});
