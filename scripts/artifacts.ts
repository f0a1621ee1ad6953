// Builds every artifact of generated/ from openapi/ in memory, so that `build` can write them and
// `check` can compare them with what is committed.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import openapiTS, { astToString, type OpenAPITSOptions } from 'openapi-typescript';
import YAML from 'yaml';
import { bundleTree, SpecError } from '../src/bundle/bundle.ts';
import { extractCatalogue } from '../src/catalogue/extract.ts';
import { renderCatalogueModule } from './catalogue.ts';
import { renderValidators } from './validators.ts';
import { workflowArtifacts } from './workflow-artifacts.ts';
import { root } from './root.ts';

export { root };
const banner =
  'Generated from openapi/ by scripts/build.ts. Do not edit: edit openapi/ and run `npm run build`.';

export class BuildError extends Error {}

// A `default` is what the server fills in, so it says nothing about what a caller must send or what a
// response carries: presence comes from `required` alone (defaultNonNullable: false). No $Read/$Write
// markers: only openapi-fetch reads them, and a response field typed `$Read<string>` cannot be
// answered by an openapi-msw handler; request and response schemas are apart in the contract, so a
// readOnly field is simply `readonly`. These are the flags docs/generators.md names
// (scripts/types-command.ts).
export const typesOptions: OpenAPITSOptions = {
  exportType: true,
  defaultNonNullable: false,
  readWriteMarkers: false,
};

/** The bundle of `dir`'s openapi/; a broken $ref or invalid YAML fails with file:line:col. */
async function bundle(dir: string): Promise<Record<string, any>> {
  try {
    return await bundleTree(dir);
  } catch (err) {
    if (err instanceof SpecError) throw new BuildError(`openapi/ does not bundle:\n${err.message}`);
    throw err;
  }
}

/** Path (relative to `dir`, the repo) → file content. */
export async function buildArtifacts(dir = root): Promise<Map<string, string>> {
  const spec = await bundle(dir);
  const catalogue = extractCatalogue(spec);
  const types = astToString(await openapiTS(spec as any, typesOptions));
  const validators = renderValidators(spec, banner);
  return new Map([
    ['generated/openapi.json', JSON.stringify(spec, null, 2) + '\n'],
    [
      'generated/openapi.yaml',
      `# ${banner}\n` + YAML.stringify(spec, { lineWidth: 0, aliasDuplicateObjects: false }),
    ],
    ['generated/schema.ts', `// ${banner}\n\n${types}`],
    ['generated/catalogue.ts', `// ${banner}\n\n${renderCatalogueModule(catalogue)}`],
    ...[...validators].map(([path, text]) => [`generated/${path}`, text] as const),
    ...(await workflowArtifacts(dir, banner).catch((err: Error) =>
      Promise.reject(new BuildError(err.message)),
    )),
  ]);
}

/** Files under generated/ that the build no longer writes (a validators group that went away). */
async function leftovers(artifacts: Map<string, string>, dir: string): Promise<string[]> {
  // A tree being built for the first time has no generated/ yet: nothing is left over.
  const files = await readdir(join(dir, 'generated'), { recursive: true, withFileTypes: true }).catch(
    (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? [] : Promise.reject(err)),
  );
  return files
    .filter(f => f.isFile())
    .map(f => relative(dir, join(f.parentPath, f.name)))
    .filter(path => !artifacts.has(path));
}

/**
 * The artifacts whose file in `dir` differs from what was built, and the files under generated/ it
 * no longer makes; with `write`, also rewrites the first and removes the second.
 */
export async function syncArtifacts(
  artifacts: Map<string, string>,
  { dir = root, write = false } = {},
): Promise<string[]> {
  const stale: string[] = [];
  for (const path of await leftovers(artifacts, dir)) {
    stale.push(path);
    if (write) await rm(join(dir, path));
  }
  for (const [path, content] of artifacts) {
    const file = join(dir, path);
    if ((await readFile(file, 'utf8').catch(() => undefined)) === content) continue;
    stale.push(path);
    if (write) {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
    }
  }
  return stale;
}
