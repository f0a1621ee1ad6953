// The generator matrix of `npm run test:packages`: clients generated from the packed contract's
// bundled spec (@mediagen/contract/openapi.json) by the generators users already have, each compiled
// under `tsc --strict` with a probe that compiles only when a 402 narrows to quota_exceeded with
// `required` and `available`; openapi-msw handlers typed by @mediagen/client/schema; and the
// documented openapi-typescript command, which must reproduce @mediagen/client/schema. One row per
// generator (generate / compile / narrow), printed; any failure fails the check.
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { root } from '../root.ts';
import { typesFlags } from '../types-command.ts';
import * as probes from './generator-probes.ts';
import { installProject } from './install.ts';
import { run } from './run.ts';

/**
 * The generators, pinned: for each, the newest release whose `engines` admit Node 20.19 (the
 * project's floor; orval 7.14+ and hey-api 0.96+ ask for Node 22). msw is openapi-msw's peer.
 */
export const generatorVersions: Record<string, string> = {
  '@hey-api/openapi-ts': '0.95.0',
  orval: '7.13.2',
  'openapi-zod-client': '1.18.3',
  'openapi-msw': '2.0.0',
  msw: '2.15.0',
};

/**
 * Installed at the root's own versions: the TypeScript that compiles the probes (hey-api's peer,
 * which npm would otherwise resolve to a TypeScript hey-api cannot load) and the openapi-typescript
 * that built the shipped types (another version may write other types).
 */
const rootVersions = ['typescript', 'openapi-typescript'];

interface Generator {
  name: string;
  /** Its folder under out/: the generated code, compiled with the probes. */
  out: string;
  generate: (spec: string) => [string, ...string[]];
  /** A probe whose errors count against `compile` (beside the generated code's own)... */
  compileProbe?: string;
  /** ... and the one whose errors count against `narrow`. */
  narrowProbe: string;
  /** A run-time check of the narrowing, after it compiled: '' when it holds, else why not. */
  runCheck?: (project: string, spec: string) => Promise<string>;
}

const readOnlySpecFile = 'things.json';

const generators: Generator[] = [
  {
    name: '@hey-api/openapi-ts',
    out: 'hey-api',
    generate: spec => [
      'openapi-ts',
      '-i',
      spec,
      '-o',
      'out/hey-api',
      '-c',
      '@hey-api/client-fetch',
      '-s',
      '--no-log-file',
    ],
    narrowProbe: probes.heyApiProbe,
  },
  {
    name: 'orval',
    out: 'orval',
    generate: spec => ['orval', '--input', spec, '--output', 'out/orval/api.ts', '--client', 'fetch'],
    narrowProbe: probes.orvalProbe,
  },
  {
    name: 'openapi-zod-client',
    out: 'zod',
    generate: spec => ['openapi-zod-client', spec, '-o', 'out/zod/client.ts'],
    narrowProbe: probes.zodProbe,
    runCheck: zodAtRunTime,
  },
  {
    name: 'openapi-typescript',
    out: 'openapi-typescript',
    generate: spec => ['openapi-typescript', spec, '-o', 'out/openapi-typescript/schema.ts', ...typesFlags()],
    compileProbe: probes.reproduceProbe,
    narrowProbe: probes.schemaProbe,
  },
  {
    name: 'openapi-msw',
    out: 'things',
    generate: () => ['openapi-typescript', readOnlySpecFile, '-o', 'out/things/schema.ts', ...typesFlags()],
    compileProbe: probes.mswHandlersProbe,
    narrowProbe: probes.mswNarrowProbe,
  },
];

/** The rows, by name (docs/generators.md names each, test/docs/generators.test.ts holds it to that). */
export const matrix = generators.map(g => g.name);

/** One row of the matrix: each stage `ok`, or `failed: why`, or not reached. */
export interface Row {
  name: string;
  version: string;
  generate: string;
  compile: string;
  narrow: string;
}

const tsconfig = (include: string[]) => ({
  compilerOptions: {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: 'ES2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: [],
  },
  include,
});

/** `failed: ` and the first lines of a tool's complaint, kept short for a table cell. */
function failed(lines: string[]): string {
  const first = lines[0]!.trim().slice(0, 200);
  return `failed: ${first}${lines.length > 1 ? ` (+${lines.length - 1} more)` : ''}`;
}

/** A tsc error in a probe, shown with the probe line it points at (the assertion that did not hold). */
function withSource(error: string, sources: Record<string, string>): string {
  const match = /^(probe-[\w-]+\.ts)\((\d+),\d+\): error (TS\d+: .*)$/.exec(error);
  const line = match && sources[match[1]!]?.split('\n')[Number(match[2]) - 1]?.trim();
  return line ? `${match[1]} \`${line}\`: ${match[3]}` : error;
}

/** Generates, compiles and probes one generator in `project`; never throws, the row says what failed. */
async function runGenerator(project: string, spec: string, g: Generator, version: string): Promise<Row> {
  const row: Row = { name: g.name, version, generate: 'ok', compile: 'not reached', narrow: 'not reached' };
  await mkdir(join(project, 'out', g.out), { recursive: true });
  const [bin, ...args] = g.generate(spec);
  const generated = await run(join(project, 'node_modules/.bin', bin), args, { cwd: project });
  if (generated.code !== 0) {
    row.generate = failed(`exit ${generated.code}: ${generated.stderr || generated.stdout}`.split('\n'));
    return row;
  }
  const files = { compile: `probe-${g.out}-compile.ts`, narrow: `probe-${g.out}-narrow.ts` };
  const sources = { [files.compile]: g.compileProbe ?? '', [files.narrow]: g.narrowProbe };
  if (g.compileProbe) await writeFile(join(project, files.compile), g.compileProbe);
  await writeFile(join(project, files.narrow), g.narrowProbe);
  const config = `tsconfig.${g.out}.json`;
  const include = [`out/${g.out}`, files.narrow, ...(g.compileProbe ? [files.compile] : [])];
  await writeFile(join(project, config), JSON.stringify(tsconfig(include), null, 2));
  const compiled = await run(join(project, 'node_modules/.bin/tsc'), ['-p', config], { cwd: project });
  const errors = compiled.stdout
    .split('\n')
    .filter(line => /error TS\d+/.test(line))
    .map(line => withSource(line, sources));
  if (compiled.code !== 0 && errors.length === 0)
    errors.push(`tsc exited ${compiled.code}: ${compiled.stderr}`);
  const narrowErrors = errors.filter(line => line.startsWith(files.narrow));
  const compileErrors = errors.filter(line => !line.startsWith(files.narrow));
  row.compile = compileErrors.length > 0 ? failed(compileErrors) : 'ok';
  row.narrow = narrowErrors.length > 0 ? failed(narrowErrors) : 'ok';
  if (row.narrow === 'ok' && row.compile === 'ok' && g.runCheck) {
    const why = await g.runCheck(project, spec);
    if (why) row.narrow = `failed: at run time, ${why}`;
  }
  return row;
}

/** openapi-zod-client's schemas, transpiled and run: the 402 schema must tell quota_exceeded apart. */
async function zodAtRunTime(project: string, spec: string): Promise<string> {
  const source = await readFile(join(project, 'out/zod/client.ts'), 'utf8');
  const { code } = await transform(source, { loader: 'ts', format: 'esm' });
  await writeFile(join(project, 'out/zod/client.mjs'), code);
  await writeFile(join(project, 'zod-run.mjs'), probes.zodRun);
  const ran = await run(process.execPath, ['zod-run.mjs', spec], { cwd: project, timeoutMs: 60_000 });
  if (ran.code !== 0) return `exit ${ran.code}: ${ran.stderr.trim().split('\n')[0]}`;
  const seen = JSON.parse(ran.stdout.trim().split('\n').at(-1)!);
  return isDeepStrictEqual(seen, probes.zodRunExpected)
    ? ''
    : `expected ${JSON.stringify(probes.zodRunExpected)}, got ${JSON.stringify(seen)}`;
}

/** The matrix as a table: one line per generator, the reasons of failures in full below it. */
export function renderRows(rows: Row[]): string {
  const cells = (r: Row) => [
    r.name,
    r.version,
    ...[r.generate, r.compile, r.narrow].map(s => s.split(':')[0]!),
  ];
  const table = [['generator', 'version', 'generate', 'compile', 'narrow'], ...rows.map(cells)];
  const widths = table[0]!.map((_, i) => Math.max(...table.map(line => line[i]!.length)));
  const lines = table.map(line =>
    line
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
  const reasons = rows.flatMap(r =>
    (['generate', 'compile', 'narrow'] as const)
      .filter(stage => r[stage].startsWith('failed'))
      .map(stage => `  ${r.name} ${stage} ${r[stage]}`),
  );
  return [...lines, ...reasons].join('\n');
}

/** The versions every row is run with: the pinned table, and the root's own for `rootVersions`. */
async function versions(): Promise<Record<string, string>> {
  const pinned = { ...generatorVersions };
  for (const name of rootVersions)
    pinned[name] = JSON.parse(
      await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8'),
    ).version;
  return pinned;
}

/** Installs the generators beside the packed client and contract in one npm install. */
export async function installGenerators(project: string, tarballs: string[]): Promise<void> {
  const pinned = await versions();
  await installProject(project, [...tarballs, ...Object.entries(pinned).map(([n, v]) => `${n}@${v}`)]);
  await writeFile(join(project, readOnlySpecFile), JSON.stringify(probes.readOnlySpec, null, 2));
}

/**
 * Runs every row in `project` (installed by installGenerators) on `spec`, by default the packed
 * contract's openapi.json; prints the table and throws when a stage of a row failed.
 */
export async function checkGenerators(project: string, spec?: string): Promise<string> {
  const input =
    spec ?? createRequire(join(project, 'package.json')).resolve('@mediagen/contract/openapi.json');
  const pinned = await versions();
  const rows: Row[] = [];
  for (const g of generators) rows.push(await runGenerator(project, input, g, pinned[g.name]!));
  console.log(renderRows(rows));
  const bad = rows.filter(r => [r.generate, r.compile, r.narrow].some(s => s !== 'ok'));
  if (bad.length > 0) throw new Error(`${bad.map(r => r.name).join(', ')} failed (table above)`);
  return `${rows.length} generators: generate, compile --strict, 402 narrows to quota_exceeded`;
}
