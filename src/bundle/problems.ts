// Redocly's problems as one line each, `openapi/paths/models.yaml:17:13 Can't resolve $ref`.
import type { NormalizedProblem } from '@redocly/openapi-core';
import { relative } from 'node:path';

export type Problem = NormalizedProblem;

/** Every problem at the file, line and column it names, relative to `dir`. */
export async function describeProblems(dir: string, problems: Problem[]): Promise<string> {
  // The full engine is imported only here, on failure: finding a line needs its YAML positions.
  const { getLineColLocation } = await import('@redocly/openapi-core');
  return problems
    .map(problem => {
      const where = problem.location[0];
      if (!where) return problem.message;
      const { start } = getLineColLocation(where);
      return `${relative(dir, where.source.absoluteRef)}:${start.line}:${start.col} ${problem.message}`;
    })
    .join('\n');
}
