// The house rules a reader relies on, measured from the sources: no import cycle, no function in
// src/ over MAX_FUNCTION_LINES, no source file over MAX_FILE_LINES. Read with TypeScript's parser.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { root } from '../../scripts/root.ts';

export const MAX_FUNCTION_LINES = 60;
export const MAX_FILE_LINES = 300;

/** Every .ts file under `folders` (relative to the root), test files and declarations excluded. */
export function sourceFiles(folders: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap(entry => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return /\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name) ? [path] : [];
    });
  return folders.flatMap(walk).sort();
}

const parse = (file: string) =>
  ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);

/** `file:line name (N lines)` for each function (declared, method, arrow) longer than the limit. */
export function longFunctions(files: string[], limit = MAX_FUNCTION_LINES): string[] {
  const found: string[] = [];
  for (const file of files) {
    const source = parse(file);
    const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line + 1;
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const lines = lineOf(node.end) - lineOf(node.getStart(source)) + 1;
        const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
        if (lines > limit) found.push(`${file}:${lineOf(node.getStart(source))} ${name} (${lines} lines)`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** `file (N lines)` for each file longer than the limit. */
export const longFiles = (files: string[], limit = MAX_FILE_LINES): string[] =>
  files.flatMap(file => {
    const lines = readFileSync(join(root, file), 'utf8').trimEnd().split('\n').length;
    return lines > limit ? [`${file} (${lines} lines)`] : [];
  });

/** The relative modules a file imports or re-exports (type-only imports included: they are a dependency too). */
export function importsOf(file: string): string[] {
  const out: string[] = [];
  for (const statement of parse(file).statements) {
    const specifier =
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith('.'))
      out.push(relative(root, resolve(root, dirname(file), specifier.text)));
  }
  return out;
}

/** Each import cycle among `files`, as the files around it (`a.ts -> b.ts -> a.ts`). */
export function importCycles(files: string[]): string[] {
  const graph = new Map(files.map(file => [file, importsOf(file).filter(to => files.includes(to))]));
  const cycles = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.add([...stack.slice(stack.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return [...cycles];
}
