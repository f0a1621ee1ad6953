// The parts of docs/ that are generated, never hand-copied: the "Testing against the mock" page
// (docs/test-values.md, from the mock's fixtures table) and the Prefer table inside the mock guide
// (from the contract). scripts/write-docs.ts writes them; a test fails when a committed copy is stale.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContract } from '../src/kernel/load.ts';
import { loadDefaultFixtures } from '../src/mock/fixtures.ts';
import { TABLE_END, TABLE_START, scenarioTable } from '../src/mock/scenario-table.ts';
import { testingPage } from '../src/mock/test-value-table.ts';
import { root } from './root.ts';

export class GeneratedDocsError extends Error {}

/** `text` with the block between `start` and `end` (markers included) replaced by `block`. */
function replaceBlock(file: string, text: string, start: string, end: string, block: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from < 0 || to < 0) throw new GeneratedDocsError(`${file} has lost its markers ${start} … ${end}`);
  return text.slice(0, from) + block + text.slice(to + end.length);
}

/** Each generated file of docs/ (path from the repository root) with the text it must have. */
export async function generatedDocs(dir = root): Promise<Map<string, string>> {
  const mockGuide = 'docs/mock.md';
  const mockText = await readFile(join(dir, mockGuide), 'utf8');
  return new Map([
    ['docs/test-values.md', `${testingPage(loadDefaultFixtures())}\n`],
    [mockGuide, replaceBlock(mockGuide, mockText, TABLE_START, TABLE_END, scenarioTable(loadContract()))],
  ]);
}

/** The generated files whose committed text differs from what they must have. */
export async function staleDocs(dir = root): Promise<string[]> {
  const stale: string[] = [];
  for (const [path, text] of await generatedDocs(dir)) {
    const current = await readFile(join(dir, path), 'utf8').catch(() => undefined);
    if (current !== text) stale.push(path);
  }
  return stale;
}
