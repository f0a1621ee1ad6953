// `deprecated: true` on an operation, a parameter or a field reaches the generated types as
// `@deprecated` (openapi-typescript), so editors strike the use through; the diff reports it too
// (src/diff/fixtures/edits.ts), and Redoc shows its own deprecated badge.
import openapiTS, { astToString } from 'openapi-typescript';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadSpec } from '../../src/kernel/load.ts';

/** The JSDoc block right above the first line matching `line`. */
function docAbove(source: string, line: RegExp): string {
  const lines = source.split('\n');
  const at = lines.findIndex(l => line.test(l));
  if (at < 0) throw new Error(`no line matches ${line}`);
  let start = at - 1;
  while (start > 0 && !lines[start]!.includes('/**')) start--;
  return lines.slice(start, at).join('\n');
}

describe('deprecation in the generated types', () => {
  test('nothing is deprecated in the contract today', () => {
    expect(readFileSync(new URL('../../generated/schema.ts', import.meta.url), 'utf8')).not.toContain(
      '@deprecated',
    );
  });

  test('a deprecated operation, parameter and field are @deprecated in schema.ts', async () => {
    const spec = loadSpec() as any;
    spec.paths['/v2/billing/balance'].get.deprecated = true;
    spec.components.parameters.IdempotencyKey.deprecated = true;
    spec.components.schemas.Model.properties.name.deprecated = true;
    const types = astToString(await openapiTS(spec, { exportType: true }));
    expect(docAbove(types, /^\s+get: operations\["getBalance"\];/)).toContain('@deprecated');
    expect(
      docAbove(types, /^\s+"Idempotency-Key"\?: components\["parameters"\]\["IdempotencyKey"\];/),
    ).toContain('@deprecated');
    expect(docAbove(types, /^\s+name: string;/)).toContain('@deprecated');
    expect(docAbove(types, /^\s+get: operations\["listModels"\];/)).not.toContain('@deprecated');
  });
});
