// What every bench hands to the report: one JSON section per bench in the results directory, which
// bench/report.ts composes into BENCHMARKS.md. A new bench calls `benchSettings` and `writeSection`.
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
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

/** Tiny (`npm run bench -- --tiny`, or BENCH_TINY=1): every bench on a setting that only shows it works. */
export const isTiny = () => process.argv.includes('--tiny') || process.env.BENCH_TINY === '1';

/** The full setting, or the tiny one when asked for. */
export const benchSettings = <T>(full: T, tiny: T): T => (isTiny() ? tiny : full);

/** Where sections are written: BENCH_RESULTS (set by bench/run.ts), else bench/results/. */
export const resultsDir = () => process.env.BENCH_RESULTS ?? join(repoRoot, 'bench/results');

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

export async function writeSection(section: Section): Promise<void> {
  await mkdir(resultsDir(), { recursive: true });
  const measured = {
    tiny: isTiny(),
    measuredAt: new Date().toISOString(),
    commit: commitMeasured(),
    loadAverage: loadavg()[0],
  };
  await writeFile(
    join(resultsDir(), `${section.id}.json`),
    JSON.stringify({ ...section, ...measured }, null, 2) + '\n',
  );
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
