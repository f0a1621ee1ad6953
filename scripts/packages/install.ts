// Packs the built packages and installs tarballs into fresh projects, as a user's `npm install`
// would (third-party dependencies from the registry), and measures what that installed.
import { readdir, stat, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runOk } from './run.ts';

const npmFlags = ['--no-audit', '--no-fund', '--loglevel=error'];

/** `npm pack` of a built package directory; returns the tarball's path. */
export async function pack(dir: string, destination: string): Promise<string> {
  const { stdout } = await runOk('npm', ['pack', '--pack-destination', destination, '--json', ...npmFlags], {
    cwd: dir,
  });
  return join(destination, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
}

/** An empty ESM project at `dir` with the tarballs installed. */
export async function installProject(dir: string, tarballs: string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
  );
  await runOk('npm', ['install', ...npmFlags, ...tarballs], { cwd: dir });
}

export interface Footprint {
  bytes: number;
  packages: number;
  /** Every package installed, by name (`@scope/name`), nested ones included. */
  names: string[];
}

/** Bytes of every file under node_modules, and the packages installed there (nested ones included). */
export async function footprint(project: string): Promise<Footprint> {
  const out: Footprint = { bytes: 0, packages: 0, names: [] };
  /** `scope` is set inside a `node_modules/@scope` folder, whose entries are packages too. */
  const walk = async (dir: string, isModulesDir: boolean, scope = ''): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isFile()) out.bytes += (await stat(path)).size;
      if (!entry.isDirectory()) continue;
      if (isModulesDir && !entry.name.startsWith('.') && !entry.name.startsWith('@')) {
        out.packages++;
        out.names.push(scope ? `${scope}/${entry.name}` : entry.name);
      }
      const isScope = isModulesDir && entry.name.startsWith('@');
      await walk(path, isScope || entry.name === 'node_modules', isScope ? entry.name : '');
    }
  };
  await walk(join(project, 'node_modules'), true);
  return out;
}
