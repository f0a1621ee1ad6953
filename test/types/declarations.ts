// The declarations (.d.ts) a package user reads, emitted in memory from package entries with the
// repo's compiler options, and the places where they name a type by the code that computes it.
import ts from 'typescript';
import { root } from '../../scripts/root.ts';
import { repoOptions } from './compile.ts';

/** The declaration file of every repository module the entries reach, by path from the root. */
export function declarationsOf(entries: string[]): Map<string, string> {
  const options = repoOptions({ noEmit: false, declaration: true, emitDeclarationOnly: true });
  const program = ts.createProgram(
    entries.map(entry => root + entry),
    options,
  );
  const out = new Map<string, string>();
  program.emit(undefined, (file, text) => out.set(file.slice(root.length), text), undefined, true);
  return out;
}

/**
 * `file: line` for each declaration line that types a public name by what an implementation returns
 * (`ReturnType<typeof f>`, `Awaited<...>`) instead of an interface written for its users.
 */
export const inferredTypes = (declarations: Map<string, string>): string[] =>
  [...declarations].flatMap(([file, text]) =>
    text
      .split('\n')
      .filter(line => /\b(ReturnType|Awaited)</.test(line))
      .map(line => `${file}: ${line.trim()}`),
  );
