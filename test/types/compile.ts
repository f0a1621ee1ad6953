// Type-checks files in-process with the TypeScript API (one program, no child tsc), so that type
// tests over generated or copied sources stay fast. Files can be given as text, not on disk.
import { relative } from 'node:path';
import ts from 'typescript';
import { root } from '../../scripts/root.ts';

/** The repo's tsconfig.json compiler options (what `npm run typecheck` uses), with `overrides`. */
export function repoOptions(overrides: ts.CompilerOptions = {}): ts.CompilerOptions {
  const config = ts.readConfigFile(`${root}tsconfig.json`, ts.sys.readFile);
  return { ...ts.parseJsonConfigFileContent(config.config, ts.sys, root).options, ...overrides };
}

// Files on disk parsed once per worker (lib.dom.d.ts, @types/node, ...): parsing is a good part of
// a program's cost, and each test compiles several programs over the same libraries.
const parsed = new Map<string, ts.SourceFile | undefined>();

export interface Check {
  /** One line per error: `file:line: message`, the file relative to the repo. */
  errors: string[];
  program: ts.Program;
}

export interface CheckOptions {
  /** Text that replaces a file on disk (e.g. another generated/schema.ts). */
  replace?: Record<string, string>;
  /** Files, besides `files`, whose errors count; the libraries' (lib.dom, @types/node) are not checked. */
  checked?: (fileName: string) => boolean;
  /** The previous program, to reuse what did not change. */
  old?: ts.Program;
}

/** Type-checks `files` (absolute path → text; on disk or not) with `options`. */
export function typeCheck(
  files: Record<string, string>,
  options: ts.CompilerOptions,
  { replace = {}, checked = () => false, old }: CheckOptions = {},
): Check {
  const virtual = new Map(Object.entries({ ...replace, ...files }));
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = name => virtual.has(name) || fileExists.call(host, name);
  host.readFile = name => virtual.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, version, ...rest) => {
    const text = virtual.get(name);
    if (text !== undefined) return ts.createSourceFile(name, text, version, true);
    const key = `${name} ${JSON.stringify(version)}`;
    if (!parsed.has(key)) parsed.set(key, getSourceFile.call(host, name, version, ...rest));
    return parsed.get(key);
  };
  const program = ts.createProgram({ rootNames: Object.keys(files), options, host, oldProgram: old });
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program
      .getSourceFiles()
      .filter(file => virtual.has(file.fileName) || checked(file.fileName))
      .flatMap(file => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]),
  ];
  return { errors: diagnostics.map(oneLine), program };
}

function oneLine(d: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
  if (!d.file || d.start === undefined) return message;
  const { line } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${relative(root, d.file.fileName)}:${line + 1}: ${message}`;
}
