// `npm run build:dist [outDir]`: the three published packages, written into dist/<short name>/ from
// ONE table (scripts/packages/table.ts). tsc compiles src/ and generated/ once; each package then gets
// the compiled modules its entries reach, at their paths (src/client/..., generated/...), except a
// module a sibling it depends on exports, which it imports from that sibling. Every bare import a
// package ships must be one of its dependencies, or the build fails naming the file.
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { packageLinks } from './packages/links.ts';
import { packageReadme } from './packages/readme.ts';
import { packages, type PackageSpec } from './packages/table.ts';
import { root } from './root.ts';

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'));

/** What a source file becomes in the compiled tree: `x.ts` → `x.js` (+ `x.d.ts`); assets stay. */
const compiled = (source: string) => source.replace(/\.ts$/, '.js');
const declarations = (js: string) => js.replace(/\.js$/, '.d.ts');
const isModule = (file: string) => file.endsWith('.js');

/** Specifiers a compiled module or declaration file imports (static, dynamic, `import("x")` types) or `require`s. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\(\s*)(['"])([^'"]+)\1/g;
/** Files whose specifiers are followed (ES and CommonJS modules, declarations); any other file is an asset. */
const isCode = (file: string) => /\.(c?js|d\.ts)$/.test(file);
const specifiersOf = (code: string) => [...code.matchAll(SPECIFIER)].map(m => m[2]!);
/** Files a module reads beside itself, `new URL('./x', import.meta.url)`: shipped with it, as they are. */
const ASSET = /\bnew URL\(\s*(['"])(\.[^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;

/** The package name of a bare specifier: `ajv/dist/2020.js` → `ajv`, `@a/b/c` → `@a/b`. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier);

/** A relative specifier inside `from` (a path in the tree), as a tree path with .js for .ts. */
const resolveIn = (from: string, specifier: string) =>
  compiled(posix.normalize(posix.join(posix.dirname(from), specifier)));

/** Which sibling export serves a tree path, for the siblings `spec` depends on. */
function siblingExports(spec: PackageSpec): Map<string, string> {
  const out = new Map<string, string>();
  for (const sibling of packages.filter(p => spec.dependencies.includes(p.name))) {
    for (const [subpath, source] of Object.entries(sibling.exports))
      out.set(compiled(source), posix.join(sibling.name, subpath));
  }
  return out;
}

/** A relative specifier from `file` to `target`, both tree paths. */
const relativeSpecifier = (file: string, target: string) => {
  const rel = posix.relative(posix.dirname(file), target);
  return rel.startsWith('.') ? rel : `./${rel}`;
};

interface Shipped {
  /** Tree path → file text (imports rewritten), or an asset's bytes. */
  files: Map<string, string | Buffer>;
  /** Bare packages imported, with a file that imports each. */
  imports: Map<string, string>;
}

/** The tree paths of an asset a module names: the file, or every file of a folder (`./assets/`). */
async function assetFiles(tree: string, file: string, asset: string): Promise<string[]> {
  const path = posix.normalize(posix.join(posix.dirname(file), asset));
  if (!asset.endsWith('/')) return [path];
  return (await readdir(join(tree, path))).map(name => posix.join(path, name));
}

/** Every compiled file the entries reach (modules and their declarations), imports rewritten. */
async function collect(spec: PackageSpec, tree: string): Promise<Shipped> {
  const siblings = siblingExports(spec);
  const shipped: Shipped = { files: new Map(), imports: new Map() };
  const entries = [...Object.values(spec.exports), ...Object.values(spec.bin ?? {})].map(compiled);
  const queue = entries.flatMap(file => (isModule(file) ? [file, declarations(file)] : [file]));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (shipped.files.has(file)) continue;
    const code = await readFile(join(tree, file)).catch(() => {
      throw new Error(
        `${spec.name}: ${file} is not in the compiled tree (an entry or import that tsc did not emit)`,
      );
    });
    if (!isCode(file)) {
      shipped.files.set(file, code); // an asset: its bytes, as they are
      continue;
    }
    const text = code.toString('utf8');
    const rewritten = text.replace(SPECIFIER, (match, quote: string, specifier: string) => {
      if (!specifier.startsWith('.')) {
        if (!isBuiltin(specifier) && !shipped.imports.has(packageOf(specifier)))
          shipped.imports.set(packageOf(specifier), file);
        return match;
      }
      const target = resolveIn(file, specifier);
      const sibling = siblings.get(target);
      if (sibling) {
        shipped.imports.set(packageOf(sibling), file);
        return match.replace(specifier, sibling);
      }
      queue.push(file.endsWith('.d.ts') ? declarations(target) : target);
      return match.replace(specifier, relativeSpecifier(file, target));
    });
    if (file.endsWith('.js'))
      for (const [, , asset] of text.matchAll(ASSET)) queue.push(...(await assetFiles(tree, file, asset!)));
    shipped.files.set(file, rewritten.replace(/^\/\/# sourceMappingURL=.*$/m, ''));
  }
  return shipped;
}

/** The `exports` map: every module entry with its types first; assets as they are. */
function exportsMap(spec: PackageSpec) {
  const entries = Object.entries(spec.exports).map(([subpath, source]) => {
    const file = `./${compiled(source)}`;
    return [subpath, isModule(file) ? { types: declarations(file), default: file } : file] as const;
  });
  return Object.fromEntries([...entries, ['./package.json', './package.json']]);
}

/** The manifest: version from the contract's info.version, ranges from the root manifest. */
function manifest(spec: PackageSpec, version: string, rootPkg: Record<string, any>) {
  const rangeOf = (name: string) => {
    if (packages.some(p => p.name === name)) return version;
    const range = rootPkg.dependencies?.[name] ?? rootPkg.devDependencies?.[name];
    if (!range) throw new Error(`${spec.name} depends on ${name}, which the root package.json does not list`);
    return range as string;
  };
  const peers = spec.optionalPeers ?? [];
  return {
    name: spec.name,
    version,
    description: spec.description,
    license: rootPkg.license,
    keywords: spec.keywords,
    ...packageLinks,
    type: 'module',
    engines: rootPkg.engines,
    sideEffects: spec.bin ? Object.values(spec.bin).map(source => `./${compiled(source)}`) : false,
    exports: exportsMap(spec),
    ...(spec.bin
      ? {
          bin: Object.fromEntries(Object.entries(spec.bin).map(([name, source]) => [name, compiled(source)])),
        }
      : {}),
    dependencies: Object.fromEntries(spec.dependencies.map(name => [name, rangeOf(name)])),
    ...(peers.length > 0
      ? {
          peerDependencies: Object.fromEntries(peers.map(name => [name, rangeOf(name)])),
          peerDependenciesMeta: Object.fromEntries(peers.map(name => [name, { optional: true }])),
        }
      : {}),
    publishConfig: { access: 'public' },
  };
}

/** Fails naming each bare import a package ships without depending on it. */
function checkImports(spec: PackageSpec, shipped: Shipped) {
  const declared = new Set([...spec.dependencies, ...(spec.optionalPeers ?? [])]);
  const missing = [...shipped.imports].filter(([name]) => !declared.has(name));
  if (missing.length > 0) {
    throw new Error(
      missing
        .map(
          ([name, file]) =>
            `${spec.name}: ${file} imports '${name}', which is not in its dependencies (scripts/packages/table.ts)`,
        )
        .join('\n'),
    );
  }
}

/** Writes one package into `out`. */
async function writePackage(
  spec: PackageSpec,
  tree: string,
  out: string,
  version: string,
  rootPkg: Record<string, any>,
) {
  const shipped = await collect(spec, tree);
  checkImports(spec, shipped);
  for (const [file, text] of shipped.files) {
    await mkdir(dirname(join(out, file)), { recursive: true });
    await writeFile(join(out, file), text);
  }
  for (const source of Object.values(spec.bin ?? {})) await chmod(join(out, compiled(source)), 0o755);
  await writeFile(
    join(out, 'package.json'),
    JSON.stringify(manifest(spec, version, rootPkg), null, 2) + '\n',
  );
  await writeFile(join(out, 'README.md'), packageReadme(spec));
  return shipped.files.size;
}

/** Compiles src/ and generated/ once into a scratch tree, with the bundle beside them. */
export async function compileTree(): Promise<string> {
  const tree = await mkdtemp(join(tmpdir(), 'mediagen-tsc-'));
  const tsc = join(root, 'node_modules/.bin/tsc');
  execFileSync(tsc, ['-p', join(root, 'tsconfig.build.json'), '--outDir', tree, '--sourceMap', 'false'], {
    stdio: 'inherit',
  });
  // What tsc does not compile: the bundle, and the validators' modules (plain JavaScript) with their types.
  await cp(join(root, 'generated'), join(tree, 'generated'), {
    recursive: true,
    filter: file => !file.endsWith('.ts') || file.endsWith('.d.ts'),
  });
  // The files the mock's media route serves as they are (src/mock/media/files.ts).
  await cp(join(root, 'src/mock/media/assets'), join(tree, 'src/mock/media/assets'), { recursive: true });
  return tree;
}

/** Writes every package of `table` from a compiled tree into dist/<dir>/; returns what it wrote. */
export async function writePackages(tree: string, dist: string, table: PackageSpec[] = packages) {
  const rootPkg = await readJson(join(root, 'package.json'));
  const version = (await readJson(join(root, 'generated/openapi.json'))).info.version as string;
  await rm(dist, { recursive: true, force: true });
  const built = [];
  for (const spec of table) {
    const files = await writePackage(spec, tree, join(dist, spec.dir), version, rootPkg);
    built.push({ name: spec.name, dir: join(dist, spec.dir), version, files });
  }
  return built;
}

export async function buildDist(dist: string) {
  const tree = await compileTree();
  try {
    for (const p of await writePackages(tree, dist))
      console.log(`built ${p.dir}: ${p.name}@${p.version}, ${p.files} files`);
  } finally {
    await rm(tree, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await buildDist(process.argv[2] ?? join(root, 'dist'));
  } catch (err) {
    console.error(`build:dist: ${(err as Error).message}`);
    process.exit(1);
  }
}
