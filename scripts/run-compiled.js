// `node scripts/run-compiled.js <entry.ts> [args...]`: runs a TypeScript entry without tsx, for the
// commands that must answer fast (`npm run diff`, 0.5 s; bench/diff.ts). On Node 20, tsx's module
// hooks run off-thread and every import pays a round trip: Redocly's hundred modules alone cost
// 0.3 s more than under plain Node. esbuild compiles the entry and the repository's modules it
// reaches into one module, imported from a data: URL; packages stay imports of their installed
// files, loaded by Node itself. The compiled code is kept in node_modules/.cache with the size and
// mtime of every file it was compiled from, and compiled again as soon as one of them differs.
// Plain JavaScript, as the one file that must run before anything can compile TypeScript.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry || !entry.endsWith('.ts')) {
  console.error('usage: node scripts/run-compiled.js <entry.ts> [args...]');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const entryPath = resolve(entry);
const cacheDir = join(root, 'node_modules/.cache/mediagen-run-compiled');
const cacheFile = join(cacheDir, `${createHash('sha1').update(entryPath).digest('hex').slice(0, 16)}.json`);

/** `[size, mtime]` of a file, or null once it is gone. */
function stamp(file) {
  try {
    const { size, mtimeMs } = statSync(file);
    return [size, mtimeMs];
  } catch {
    return null;
  }
}

/** The cached code, if every file it was compiled from is as it was. */
function cached() {
  try {
    const { inputs, code } = JSON.parse(readFileSync(cacheFile, 'utf8'));
    const fresh = Object.entries(inputs).every(
      ([file, was]) => JSON.stringify(stamp(file)) === JSON.stringify(was),
    );
    return fresh ? code : undefined;
  } catch {
    return undefined;
  }
}

/** The installed files the compiled code imports: upgrading a package compiles it again too. */
const packageFiles = new Set();

/** Packages become imports of their installed files: a data: URL module cannot resolve bare names. */
const packagesByUrl = {
  name: 'packages-by-url',
  setup(compile) {
    compile.onResolve({ filter: /^[^./]/ }, ({ path }) => {
      if (path.startsWith('node:')) return { path, external: true };
      const url = import.meta.resolve(path);
      packageFiles.add(fileURLToPath(url));
      return { path: url, external: true };
    });
  },
};

/** Each module keeps its own source URL as import.meta.url (scripts/root.ts finds the repository by it). */
const sourceUrls = {
  name: 'source-urls',
  setup(compile) {
    compile.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
      contents: (await readFile(path, 'utf8')).replace(
        /\bimport\.meta\.url\b/g,
        JSON.stringify(pathToFileURL(path).href),
      ),
      loader: 'ts',
    }));
  },
};

async function compiled() {
  const { build } = await import('esbuild');
  const { outputFiles, metafile } = await build({
    entryPoints: [entryPath],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'error',
    plugins: [packagesByUrl, sourceUrls],
  });
  const code = outputFiles[0].text;
  const files = [...Object.keys(metafile.inputs).map(file => resolve(file)), ...packageFiles];
  const inputs = Object.fromEntries(files.map(file => [file, stamp(file)]));
  // Written whole, then renamed: a run started meanwhile reads the old cache or the new, never half.
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${cacheFile}.${process.pid}`;
  writeFileSync(partial, JSON.stringify({ inputs, code }));
  renameSync(partial, cacheFile);
  return code;
}

const code = cached() ?? (await compiled());
// The entry reads its arguments as if it had been started itself: `node <entry> [args...]`.
process.argv = [process.argv[0], entryPath, ...args];
await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
