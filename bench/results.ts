// What every bench hands to the report: its section in the results file (bench/results.json, committed),
// which bench/report.ts composes into BENCHMARKS.md. A bench replaces its own section and leaves the
// others as they were measured. A new bench calls `benchSettings` and `writeSection`.
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem, type } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { root as repoRoot } from '../scripts/root.ts';

export { repoRoot };

/** One measured figure, beside what it is judged against (a peer, a budget or the 1× contract). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** What the value is compared with, e.g. `openapi-backend` or `plain Prism`. */
  peer?: { name: string; value: number };
  /** value / peer.value, or another ratio the bench defines (say how in `target`). */
  ratio?: number;
  /** The goal in words, e.g. `≥ 2× the peer`; `met` says whether this run reached it. */
  target?: string;
  met?: boolean;
}

export interface Section {
  /** File name and sort key, e.g. `30-validators`. */
  id: string;
  title: string;
  /** How it was measured, in a sentence or two. */
  method: string;
  /** The command that reproduces this section alone. */
  command: string;
  figures: Figure[];
  /** Versions of the tools measured, e.g. `{ 'openapi-backend': '5.21.2' }`. */
  tools?: Record<string, string>;
  notes?: string[];
}

/** A section as recorded: what the bench measured, and when, where and at which commit. */
export type Stored = Section & {
  tiny: boolean;
  measuredAt: string;
  commit?: string;
  loadAverage?: number;
  /** The machine it was measured on, e.g. `2 cores (…), 24 GiB RAM, Linux, Node v20.20.2`. */
  machine: string;
  cores: number;
};

/** Tiny (`npm run bench -- --tiny`, or BENCH_TINY=1): every bench on a setting that only shows it works. */
export const isTiny = () => process.argv.includes('--tiny') || process.env.BENCH_TINY === '1';

/** The full setting, or the tiny one when asked for. */
export const benchSettings = <T>(full: T, tiny: T): T => (isTiny() ? tiny : full);

/** The committed figures, which BENCHMARKS.md is generated from. */
export const committedResults = join(repoRoot, 'bench/results.json');

/** Where sections are written: BENCH_RESULTS (a file; bench/run.ts sets it), else the committed file. */
export const resultsFile = () => process.env.BENCH_RESULTS ?? committedResults;

/** The sections recorded in `file`, sorted by id; none when it does not exist yet. */
export async function readSections(file = resultsFile()): Promise<Stored[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '[]';
    throw error;
  });
  let sections: unknown;
  try {
    sections = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(sections) || sections.some(s => typeof s?.id !== 'string'))
    throw new Error(`${file}: not a list of bench sections, each with an id`);
  return (sections as Stored[]).sort((a, b) => a.id.localeCompare(b.id));
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${type()}, Node ${process.version}`;
}

/** The commit measured, `+changes` when the working tree differs from it. */
function commitMeasured(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
    return (
      git('rev-parse', '--short', 'HEAD') +
      (git('status', '--porcelain', '--untracked-files=no') ? '+changes' : '')
    );
  } catch {
    return 'unknown';
  }
}

/** Replaces the section with this id in the results file (adding it if new); the others stay. */
export async function writeSection(section: Section): Promise<void> {
  const file = resultsFile();
  const stored: Stored = {
    ...section,
    tiny: isTiny(),
    measuredAt: new Date().toISOString(),
    commit: commitMeasured(),
    loadAverage: loadavg()[0],
    machine: machine(),
    cores: cpus().length,
  };
  const others = (await readSections(file)).filter(s => s.id !== section.id);
  const sections = [...others, stored].sort((a, b) => a.id.localeCompare(b.id));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(sections, null, 2) + '\n');
}

/** Median of samples: robust to the odd slow round on a shared machine. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The installed version of a package, for the report's tool list. */
export async function versionOf(pkg: string): Promise<string> {
  const manifest = JSON.parse(
    await readFile(join(repoRoot, 'node_modules', pkg, 'package.json'), 'utf8'),
  ) as { version: string };
  return manifest.version;
}

/** Runs an ES module snippet in a fresh Node (with tsx, in the repository) and returns the last line it printed. */
export async function inFreshProcess(source: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', source],
    { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout.trim().split('\n').at(-1) ?? '';
}
