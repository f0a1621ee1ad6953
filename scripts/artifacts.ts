// Builds every artifact of generated/ from openapi/ in memory, so that `build` can write them and
// `check` can compare them with what is committed.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import YAML from 'yaml';
import { extractCatalogue, renderCatalogueModule } from './catalogue.ts';

export const root = new URL('..', import.meta.url).pathname;
export const specEntry = 'openapi/openapi.yaml';
const banner = 'Generated from openapi/ by scripts/build.ts. Do not edit: edit openapi/ and run `npm run build`.';

export class BuildError extends Error {}

/** Runs `redocly bundle`; a broken $ref or invalid YAML fails with Redocly's file:line report. */
async function bundle(): Promise<Record<string, any>> {
  const dir = await mkdtemp(join(tmpdir(), 'mediagen-bundle-'));
  const out = join(dir, 'openapi.json');
  try {
    await promisify(execFile)(join(root, 'node_modules/.bin/redocly'), ['bundle', specEntry, '-o', out], { cwd: root });
    return JSON.parse(await readFile(out, 'utf8'));
  } catch (err: any) {
    const report = String(err.stderr ?? err.message)
      .split('\n')
      .filter((line) => !/[║╔╚]/.test(line)) // Redocly's Node 20 deprecation banner
      .join('\n')
      .trim();
    throw new BuildError(`openapi/ does not bundle:\n${report}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Path (relative to the repo) → file content. */
export async function buildArtifacts(): Promise<Map<string, string>> {
  const spec = await bundle();
  const catalogue = extractCatalogue(spec);
  const types = astToString(await openapiTS(spec as any, { exportType: true }));
  return new Map([
    ['generated/openapi.json', JSON.stringify(spec, null, 2) + '\n'],
    ['generated/openapi.yaml', `# ${banner}\n` + YAML.stringify(spec, { lineWidth: 0, aliasDuplicateObjects: false })],
    ['generated/schema.d.ts', `// ${banner}\n\n${types}`],
    ['generated/catalogue.ts', `// ${banner}\n\n${renderCatalogueModule(catalogue)}`],
  ]);
}
