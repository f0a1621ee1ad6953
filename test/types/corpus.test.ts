// Calls written as users write them (test/types/corpus/) compile under --strict against the BUILT
// package, installed the way npm installs it, with moduleResolution nodenext and bundler.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { root, typeCheck } from './compile.ts';

// The package the corpus imports, and how it is built: change this one place when the package moves
// or splits (e.g. into @mediagen/client). `build` writes the package's dist/ into the given directory.
const builtPackage = {
  name: '@mediagen/contract',
  dir: root,
  build: (dist: string) => promisify(execFile)(join(root, 'node_modules/.bin/tsx'), ['scripts/build-dist.ts', dist], { cwd: root }),
};

const corpus = join(root, 'test/types/corpus');
// An app beside the repo's node_modules, so that the package's own dependencies resolve as installed.
const app = join(root, 'node_modules/.cache/mediagen-types-corpus');
const installed = join(app, 'node_modules', builtPackage.name);
const files = readdirSync(corpus).filter((f) => f.endsWith('.ts'));

/** What `npm install` puts in node_modules: package.json, its `files`, dist/ built fresh. */
async function install() {
  rmSync(app, { recursive: true, force: true });
  const pkg = JSON.parse(readFileSync(join(builtPackage.dir, 'package.json'), 'utf8'));
  mkdirSync(installed, { recursive: true });
  cpSync(join(builtPackage.dir, 'package.json'), join(installed, 'package.json'));
  for (const entry of (pkg.files as string[]).filter((f) => f !== 'dist')) cpSync(join(builtPackage.dir, entry), join(installed, entry), { recursive: true });
  await builtPackage.build(join(installed, 'dist'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'corpus-app', private: true, type: 'module' }));
  for (const file of files) cpSync(join(corpus, file), join(app, file));
}

const strict: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  typeRoots: [join(root, 'node_modules/@types')],
};
const modes: Record<string, ts.CompilerOptions> = {
  nodenext: { ...strict, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  bundler: { ...strict, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
};

describe('the user corpus against the built package', () => {
  beforeAll(install, 120_000);
  afterAll(() => rmSync(app, { recursive: true, force: true }));

  test('the corpus has a file per kind of use', () => {
    expect(files.sort()).toEqual(['error-codes.ts', 'full-calls.ts', 'minimal-calls.ts', 'verify-webhook.ts', 'wait-for-video.ts']);
  });

  for (const [mode, options] of Object.entries(modes)) {
    test(`compiles under --strict, moduleResolution ${mode}`, () => {
      const sources = Object.fromEntries(files.map((f) => [join(app, f), readFileSync(join(app, f), 'utf8')]));
      // The package's declarations are checked too, as a user's compiler without skipLibCheck would.
      const { errors, program } = typeCheck(sources, options, { checked: (f) => f.startsWith(installed) });
      expect(errors.map((e) => e.replace(relative(root, app), 'test/types/corpus'))).toEqual([]);
      // The types came from the installed package, not from the repo's sources.
      const client = program.getSourceFiles().find((s) => s.fileName.endsWith('/client/client.d.ts'));
      expect(client?.fileName.startsWith(installed)).toBe(true);
    }, 120_000); // a program takes 1 to 3 s alone and over 15 s on a loaded machine
  }
});
