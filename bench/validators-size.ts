// What the precompiled validators weigh: every file of generated/ whose name starts with
// `validators` (the index, its types, the modules under validators/), summed. bench/validators.ts
// reports it; run alone, `npx tsx bench/validators-size.ts [generated dir]` prints it, e.g. for a
// generated/ extracted from another commit.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from './results.ts';

/** The files (relative to `generated`) of the validators and their total size in bytes. */
export async function validatorsSize(generated = join(repoRoot, 'generated')) {
  const entries = await readdir(generated, { recursive: true });
  const files = entries.filter(path => path.startsWith('validators')).sort();
  let bytes = 0;
  let count = 0;
  for (const file of files) {
    const info = await stat(join(generated, file));
    if (!info.isFile()) continue;
    bytes += info.size;
    count++;
  }
  return { files: count, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? join(repoRoot, 'generated');
  const { files, bytes } = await validatorsSize(dir);
  console.log(`${dir}/validators*: ${files} files, ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`);
}
