// One scratch copy of openapi/ that rows of a table edit and restore in turn: copying once keeps
// forty edits to a few seconds.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { bundleTree } from '../../scripts/diff/bundle.ts';
import type { Spec } from '../../src/kernel/contract.ts';
import type { Edit } from './edits.ts';

export const repo = new URL('../../', import.meta.url).pathname;

export async function scratchContract() {
  const dir = await mkdtemp(join(tmpdir(), 'mediagen-diff-'));
  await cp(join(repo, 'openapi'), join(dir, 'openapi'), { recursive: true });
  const originals = new Map<string, string | undefined>();
  return {
    dir,
    /** Applies edits in order; a `from` that does not occur fails naming the file. */
    async apply(edits: Edit[]) {
      for (const [file, from, to] of edits) {
        const path = join(dir, file);
        const text = await readFile(path, 'utf8').catch(() => undefined);
        if (!originals.has(file)) originals.set(file, text);
        if (from === null) {
          await writeFile(path, to);
          continue;
        }
        const next = (text ?? '').replace(from, to);
        if (next === text) throw new Error(`${file}: nothing matched ${from}`);
        await writeFile(path, next);
      }
    },
    /** Puts back every file the edits touched. */
    async restore() {
      for (const [file, text] of originals) {
        if (text === undefined) await rm(join(dir, file), { force: true });
        else await writeFile(join(dir, file), text);
      }
      originals.clear();
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export type Scratch = Awaited<ReturnType<typeof scratchContract>>;

/** For a test file: a scratch copy, and the bundle of the repo's openapi/ to diff it against. */
export function useScratch(): { scratch: Scratch; base: Spec } {
  const state = {} as { scratch: Scratch; base: Spec };
  beforeAll(async () => {
    state.scratch = await scratchContract();
    state.base = await bundleTree(repo);
  });
  afterAll(() => state.scratch?.remove());
  return state;
}
