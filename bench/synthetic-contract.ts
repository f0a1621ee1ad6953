// A synthetic contract `factor` times the size of openapi/, for bench/growth.ts: copies 2..factor of
// every path, webhook, schema, response, example and error code, each renamed so that names, codes
// and operationIds stay unique and the copy lints and builds like the original. Written into a
// scratch directory under node_modules/.cache (so that generated code there resolves ajv).
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import YAML from 'yaml';
import { errorCodes, failureCodes } from '../generated/catalogue.ts';
import { repoRoot } from './results.ts';

type Node = unknown;
const CODES = new Set<string>([...errorCodes, ...failureCodes]);
/** The parts of openapi/ that are copied: everything the root document points into. */
const COPIED = ['components', 'paths', 'webhooks'];

/** `Foo.yaml` → `FooX3.yaml`, in the last segment of a relative $ref. */
const suffixFile = (ref: string, k: number) => ref.replace(/([^/]+)\.yaml$/, `$1X${k}.yaml`);

/** Copy k of a parsed file: $refs to renamed files, operationIds, error codes and their doc_url anchors. */
function renamed(node: Node, k: number): Node {
  if (Array.isArray(node)) return node.map(n => renamed(n, k));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, Node> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') out[key] = suffixFile(value, k);
    else if (key === 'operationId' && typeof value === 'string') out[key] = `${value}X${k}`;
    // A code in an example body, or the value of a code schema (`code: { type: string, enum: [...] }`).
    else if (key === 'code' && typeof value === 'string' && CODES.has(value)) out[key] = `${value}_x${k}`;
    else if (key === 'code' && isCodeSchema(value)) out[key] = { ...value, enum: [`${value.enum[0]}_x${k}`] };
    else if (key === 'doc_url' && typeof value === 'string')
      out[key] = value.replace(/#(error|failure)-(\w+)$/, `#$1-$2_x${k}`);
    else out[key] = renamed(value, k);
  }
  return out;
}

const isCodeSchema = (value: Node): value is { enum: [string] } =>
  !!value &&
  typeof value === 'object' &&
  Array.isArray((value as { enum?: unknown }).enum) &&
  CODES.has((value as { enum: [string] }).enum[0]);

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter(e => e.isFile() && e.name.endsWith('.yaml')).map(e => join(e.parentPath, e.name));
}

/** Writes copy k of openapi/{components,paths,webhooks} under openapi/x<k>/, every file renamed. */
async function writeCopy(openapi: string, k: number): Promise<void> {
  for (const part of COPIED) {
    for (const file of await yamlFiles(join(openapi, part))) {
      const target = join(openapi, `x${k}`, suffixFile(relative(openapi, file), k));
      await mkdir(join(target, '..'), { recursive: true });
      await writeFile(
        target,
        YAML.stringify(renamed(YAML.parse(await readFile(file, 'utf8')), k), { lineWidth: 0 }),
      );
    }
  }
}

/** The root document with copy k of every path, webhook and named schema added, and the unions of codes grown. */
function addCopyToRoot(root: Record<string, any>, original: Record<string, any>, k: number): void {
  for (const [path, item] of Object.entries<{ $ref: string }>(original.paths)) {
    root.paths[path.replace(/^\/v2\//, `/v2/x${k}/`)] = { $ref: `x${k}/${suffixFile(item.$ref, k)}` };
  }
  for (const [name, item] of Object.entries<{ $ref: string }>(original.webhooks ?? {})) {
    root.webhooks[`${name}.x${k}`] = { $ref: `x${k}/${suffixFile(item.$ref, k)}` };
  }
  for (const [name, item] of Object.entries<{ $ref: string }>(original.components.schemas)) {
    root.components.schemas[`${name}X${k}`] = { $ref: `x${k}/${suffixFile(item.$ref, k)}` };
  }
}

/** Adds copy k's code schemas to the original unions (ApiError, TaskError): the catalogue grows too. */
async function growUnions(openapi: string, k: number): Promise<void> {
  for (const union of ['ApiError', 'TaskError']) {
    const file = join(openapi, 'components/schemas/errors', `${union}.yaml`);
    const schema = YAML.parse(await readFile(file, 'utf8'));
    const originals = (schema.oneOf as { $ref: string }[]).filter(m => !m.$ref.startsWith('../'));
    schema.oneOf.push(
      ...originals.map(m => ({ $ref: `../../../x${k}/components/schemas/errors/${suffixFile(m.$ref, k)}` })),
    );
    await writeFile(file, YAML.stringify(schema, { lineWidth: 0 }));
  }
}

export interface SyntheticContract {
  /** A repository-like directory: openapi/, lint/, redocly.yaml (build and lint run in it). */
  dir: string;
  remove(): Promise<void>;
}

export async function syntheticContract(factor: number): Promise<SyntheticContract> {
  const scratch = join(repoRoot, 'node_modules/.cache');
  await mkdir(scratch, { recursive: true });
  const dir = await mkdtemp(join(scratch, `mediagen-synthetic-${factor}x-`));
  for (const part of ['openapi', 'lint', 'redocly.yaml'])
    await cp(join(repoRoot, part), join(dir, part), { recursive: true });
  const openapi = join(dir, 'openapi');
  const rootFile = join(openapi, 'openapi.yaml');
  const original = YAML.parse(await readFile(rootFile, 'utf8'));
  const root = structuredClone(original);
  for (let k = 2; k <= factor; k++) {
    await writeCopy(openapi, k);
    addCopyToRoot(root, original, k);
  }
  // Only once every copy is made from the original files: a grown union is not to be copied.
  for (let k = 2; k <= factor; k++) await growUnions(openapi, k);
  if (factor > 1) await writeFile(rootFile, YAML.stringify(root, { lineWidth: 0 }));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
