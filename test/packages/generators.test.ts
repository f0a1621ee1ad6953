// The generator matrix's own parts, fast (the matrix itself runs in `npm run test:packages`): a probe
// passes on the shipped types and fails where a generator would type `code` as a plain string; pins
// are exact; the table shows each failed stage and why.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { generatorVersions, renderRows } from '../../scripts/packages/generators.ts';
import { schemaProbe } from '../../scripts/packages/generator-probes.ts';
import { root } from '../../scripts/root.ts';
import ts from 'typescript';
import { typeCheck } from '../types/compile.ts';

const schemaFile = `${root}generated/schema.ts`;
const probeFile = `${root}test/packages/schema-probe.ts`;
const probe = schemaProbe.replace("'@mediagen/client/schema'", "'../../generated/schema.ts'");
// Types only: no DOM, no @types/node, so the two programs stay small.
const options: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  types: [],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
};

test('the narrow probe holds on the shipped types, and fails when quota_exceeded is typed as a string', () => {
  const shipped = typeCheck({ [probeFile]: probe }, options);
  expect(shipped.errors).toEqual([]);
  const schema = readFileSync(schemaFile, 'utf8');
  expect(schema).toContain('code: "quota_exceeded";');
  const loose = schema.replace('code: "quota_exceeded";', 'code: string;');
  const { errors } = typeCheck({ [probeFile]: probe }, options, {
    replace: { [schemaFile]: loose },
    old: shipped.program,
  });
  expect(errors).toEqual([
    "test/packages/schema-probe.ts:5: Type 'false' does not satisfy the constraint 'true'.",
  ]);
}, 60_000);

test('every generator is pinned to an exact version', () => {
  expect(Object.entries(generatorVersions).filter(([, v]) => !/^\d+\.\d+\.\d+$/.test(v))).toEqual([]);
  expect(Object.keys(generatorVersions)).toEqual(
    expect.arrayContaining(['@hey-api/openapi-ts', 'orval', 'openapi-zod-client', 'openapi-msw']),
  );
});

test('the table has one row per generator and says why a stage failed', () => {
  const table = renderRows([
    { name: 'orval', version: '7.13.2', generate: 'ok', compile: 'ok', narrow: 'ok' },
    {
      name: 'openapi-zod-client',
      version: '1.18.3',
      generate: 'ok',
      compile: 'ok',
      narrow: "failed: probe `holds<Equal<Quota['code'], 'quota_exceeded'>>();`: TS2344",
    },
  ]);
  expect(table.split('\n')).toEqual([
    'generator           version  generate  compile  narrow',
    'orval               7.13.2   ok        ok       ok',
    'openapi-zod-client  1.18.3   ok        ok       failed',
    "  openapi-zod-client narrow failed: probe `holds<Equal<Quota['code'], 'quota_exceeded'>>();`: TS2344",
  ]);
});
