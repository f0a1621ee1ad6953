// Builds every package of the table and packs it: the tarballs a user installs before a release
// (`npm run pack:local`), the ones `npm run test:packages` checks and the mock-start bench installs.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileTree, writePackages } from '../build-dist.ts';
import { pack } from './install.ts';

export interface Packed {
  /** Tarball path by the package's folder under dist/ (`client`, `contract`, `mock`). */
  tarballs: Record<string, string>;
  /** `name@version` of each package packed. */
  names: string[];
}

/** Builds dist/ into `dist` and packs each package into `destination`. */
export async function packAll(destination: string, dist?: string): Promise<Packed> {
  const scratch = dist ? undefined : await mkdtemp(join(tmpdir(), 'mediagen-dist-'));
  const tree = await compileTree();
  try {
    const built = await writePackages(tree, dist ?? scratch!);
    await mkdir(destination, { recursive: true });
    const tarballs: Record<string, string> = {};
    for (const p of built) tarballs[p.dir.split('/').at(-1)!] = await pack(p.dir, destination);
    return { tarballs, names: built.map(p => `${p.name}@${p.version}`) };
  } finally {
    await rm(tree, { recursive: true, force: true });
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

/** The one line that installs the three together (the mock needs the contract's exact version). */
export const installLine = (packed: Packed) => `npm install ${Object.values(packed.tarballs).join(' ')}`;
