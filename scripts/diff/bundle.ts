// Bundles an openapi/ tree in-process (Redocly's openapi-core, the bundler the CLI is built on), so
// that a diff, or a table of forty spec edits, does not start a CLI per bundle.
import {
  bundle,
  createConfig,
  getLineColLocation,
  type Config,
  type NormalizedProblem,
} from '@redocly/openapi-core';
import { join, relative } from 'node:path';
import type { Spec } from '../../src/kernel/contract.ts';

export class SpecError extends Error {}

let config: Promise<Config> | undefined;

/** The bundle of `<dir>/openapi/openapi.yaml`; a broken $ref or YAML fails naming the file and line. */
export async function bundleTree(dir: string): Promise<Spec> {
  // No rule sets: bundling needs none, and the default (`recommended`) triples the time.
  config ??= createConfig({ extends: [] });
  const result = await bundle({ ref: join(dir, 'openapi/openapi.yaml'), config: await config });
  const errors = result.problems.filter(problem => problem.severity === 'error');
  if (errors.length) throw new SpecError(errors.map(problem => describe(dir, problem)).join('\n'));
  return result.bundle.parsed as Spec;
}

/** `openapi/paths/models.yaml:17:13 Can't resolve $ref` */
function describe(dir: string, problem: NormalizedProblem): string {
  const where = problem.location[0];
  if (!where) return problem.message;
  const { start } = getLineColLocation(where);
  return `${relative(dir, where.source.absoluteRef)}:${start.line}:${start.col} ${problem.message}`;
}
