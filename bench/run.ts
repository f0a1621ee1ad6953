// `npm run bench`: runs every bench, each in its own process, then writes BENCHMARKS.md from the
// sections they recorded in bench/results.json (committed). A full run replaces every section;
// `-- <name>...` runs only the benches whose file name contains a name, and the other sections stay
// as committed. `-- --tiny`: every bench on a tiny setting, results and report in a temp directory
// (CI: shows the benches still work; the figures mean nothing, and the committed ones are left alone).
// BENCH_RESULTS=<file> records elsewhere, with the report beside it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { composeReport } from './report.ts';
import { committedResults, isTiny, readSections, repoRoot, resultsFile } from './results.ts';

/** Every bench, in the order they run (the report orders sections by id). A new bench is added here and calls writeSection. */
const BENCHES = [
  'bench/client-size.ts',
  'bench/client-rps.ts',
  'bench/mock.ts',
  'bench/media.ts',
  'bench/mock-start.ts',
  'bench/validators.ts',
  'bench/growth.ts',
  'bench/diff.ts',
  'bench/diff-engine.ts',
];

const names = process.argv.slice(2).filter(a => !a.startsWith('--'));
const chosen = names.length ? BENCHES.filter(b => names.some(n => b.includes(n))) : BENCHES;
if (chosen.length === 0) {
  console.error(`bench: no bench matches ${names.join(', ')}; the benches are ${BENCHES.join(', ')}`);
  process.exit(1);
}

const tiny = isTiny();
const results = tiny ? join(await mkdtemp(join(tmpdir(), 'mediagen-bench-')), 'results.json') : resultsFile();
if (!tiny && chosen === BENCHES) await rm(results, { force: true });
const report =
  results === committedResults ? join(repoRoot, 'BENCHMARKS.md') : join(dirname(results), 'BENCHMARKS.md');

/** Whether a section was recorded since `since` (ms since the epoch). */
async function recordedSince(since: number): Promise<boolean> {
  return (await readSections(results)).some(s => Date.parse(s.measuredAt) >= since);
}

/** Runs one bench under tsx with the shared settings; says why it failed, if it did. */
async function runBench(file: string): Promise<string | undefined> {
  console.log(`\n== ${file}${tiny ? ' (tiny)' : ''}`);
  const started = Date.now();
  const env = { ...process.env, BENCH_RESULTS: results, ...(tiny ? { BENCH_TINY: '1' } : {}) };
  // --expose-gc: the mock bench measures memory after a collection.
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', file], {
    cwd: repoRoot,
    env,
    stdio: 'inherit',
  });
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  if (code !== 0) return `${file} exited with ${signal ?? code}`;
  if (!(await recordedSince(started))) return `${file} recorded no section (writeSection)`;
  return undefined;
}

const failures: string[] = [];
for (const file of chosen) {
  const failure = await runBench(file);
  if (failure) failures.push(failure);
}
await writeFile(report, await composeReport(results));
console.log(`\nwrote ${report}`);
if (failures.length) {
  console.error(`bench: ${failures.join('; ')}`);
  process.exit(1);
}
