// The one bundler of openapi/: `npm run build` and `npm run check` (scripts/artifacts.ts) and
// `npm run diff` (src/diff/compare.ts, and the table of edits) all bundle through bundleTree, in
// process, on @redocly/openapi-core 2 (the engine inside @redocly/cli 2), so the diff reads the very
// bundle the build writes (test/spec/build.test.ts holds it equal to what `redocly bundle` writes).
// It lives under src/ because the diff library needs it and src/ imports nothing from scripts/; it
// is not in src/kernel/ because the kernel ships in @mediagen/contract and reads the bundle already
// built, while bundling needs a dev-only engine.
import { bundleOas, createEmptyRedoclyConfig } from '@redocly/openapi-core/lib/bundle-oas';
import { join } from 'node:path';
import type { Spec } from '../kernel/contract.ts';
import { describeProblems, type Problem } from './problems.ts';

/** openapi/ does not bundle, or the version to compare with cannot be read: the message says where. */
export class SpecError extends Error {}

/** The top-level keys in the order `redocly bundle` writes them (its output sorts them so). */
const TOP_LEVEL = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'security',
  'tags',
  'externalDocs',
  'paths',
  'webhooks',
  'x-webhooks',
  'components',
];

const inCliOrder = (spec: Spec): Spec =>
  Object.assign(Object.fromEntries(TOP_LEVEL.filter(key => key in spec).map(key => [key, spec[key]])), spec);

/**
 * The bundle of `<dir>/openapi/openapi.yaml`. A broken $ref, invalid YAML or two schemas with one
 * file name (which Redocly would otherwise rename silently) fails with every problem at file:line:col.
 */
export async function bundleTree(dir: string): Promise<Spec> {
  // The slim entry (bundling only, no rule sets): the full one takes longer to import than to bundle.
  const result = await bundleOas({
    ref: join(dir, 'openapi/openapi.yaml'),
    config: createEmptyRedoclyConfig(),
    componentRenamingConflicts: 'error',
  }).catch((err: Error) => {
    throw new SpecError(`openapi/openapi.yaml: ${err.message}`);
  });
  const errors = (result.problems as Problem[]).filter(problem => problem.severity === 'error');
  if (errors.length) throw new SpecError(await describeProblems(dir, errors));
  return inCliOrder(result.bundle.parsed as Spec);
}
