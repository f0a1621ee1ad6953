// A scratch copy of the contract sources, for tests that break them on purpose.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root as repo } from '../../scripts/root.ts';

export async function copyContract() {
  const dir = await mkdtemp(join(tmpdir(), 'mediagen-contract-'));
  for (const part of ['openapi', 'generated', 'lint', 'redocly.yaml'])
    await cp(join(repo, part), join(dir, part), { recursive: true });
  return {
    dir,
    /** Replaces `from` (which must occur) in a file of the copy. */
    async edit(file: string, from: string | RegExp, to: string) {
      const path = join(dir, file);
      const text = await readFile(path, 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`${file}: nothing matched ${from}`);
      await writeFile(path, next);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
