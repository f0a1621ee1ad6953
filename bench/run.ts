// `npm run bench`: runs every bench, each in its own process, then writes BENCHMARKS.md from the
// sections they recorded. `-- --tiny`: every bench on a tiny setting, results and report in a temp
// directory (CI: shows the benches still work; the figures mean nothing). `-- <name>...`: only the
// benches whose file name contains a name; the report keeps the other sections of the last run.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeReport } from './report.ts';
import { isTiny, repoRoot, resultsDir } from './results.ts';

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
const results = tiny ? await mkdtemp(join(tmpdir(), 'mediagen-bench-')) : resultsDir();
if (!tiny && chosen === BENCHES) await rm(results, { recursive: true, force: true });
const report = tiny ? join(results, 'BENCHMARKS.md') : join(repoRoot, 'BENCHMARKS.md');

/** Sections written to the results directory since `since` (ms since the epoch). */
async function sectionsSince(since: number): Promise<string[]> {
  const files = (await readdir(results).catch(() => [] as string[])).filter(f => f.endsWith('.json'));
  const fresh = await Promise.all(
    files.map(async f => ((await stat(join(results, f))).mtimeMs >= since ? f : undefined)),
  );
  return fresh.filter((f): f is string => f !== undefined);
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
  if ((await sectionsSince(started)).length === 0) return `${file} recorded no section (writeSection)`;
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
