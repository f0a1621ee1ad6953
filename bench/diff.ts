// `npm run diff` against `redocly diff` on the same contract: openapi/ against the default base (the
// newest release tag, else the merge-base with main), each command timed as a fresh process from
// start to exit, median of the rounds. Beside them, the same entry under tsx (how `npm run diff` ran
// before it was compiled) and where one run spends its time (bench/diff-phases.ts). Target: ≤ 0.5 s.
// Run: npx tsx bench/diff.ts (BENCH_TINY=1 for a check that it works).
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { checkoutBase, defaultBase } from '../src/diff/base.ts';
import { redoclyBin, redoclyDiff } from './redocly-diff.ts';
import { benchSettings, median, repoRoot, versionOf, writeSection, type Figure } from './results.ts';

const TARGET_S = 0.5;
const rounds = benchSettings(11, 1);
const run = promisify(execFile);

/** Median wall-clock seconds of `file args` in a fresh process, from the repository. */
async function timeCommand(file: string, args: string[]): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run(file, args, { cwd: repoRoot, maxBuffer: 64 << 20 });
    samples.push((performance.now() - start) / 1000);
  }
  return median(samples);
}

/** Median of each phase bench/diff-phases.ts reports, started as `file args`. */
async function timePhases(file: string, args: string[]): Promise<Record<string, number>> {
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < rounds; i++) {
    const { stdout } = await run(file, args, { cwd: repoRoot });
    runs.push(JSON.parse(stdout.trim().split('\n').at(-1)!));
  }
  return Object.fromEntries(Object.keys(runs[0]!).map(key => [key, median(runs.map(r => r[key]!))]));
}

const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8'));
const command: string = manifest.scripts.diff;
const [bin, ...args] = command.split(' ');
if (bin !== 'node')
  throw new Error(`bench/diff.ts times \`npm run diff\` as \`node ...\`; it is \`${command}\``);
const tsx = join(repoRoot, 'node_modules/.bin/tsx');

// Once with nothing compiled yet (as after an edit of src/diff/), then as it usually runs.
await rm(join(repoRoot, 'node_modules/.cache/mediagen-run-compiled'), { recursive: true, force: true });
const start = performance.now();
await run(process.execPath, args, { cwd: repoRoot });
const compiling = (performance.now() - start) / 1000;
const ours = await timeCommand(process.execPath, args);
const underTsx = await timeCommand(tsx, ['scripts/contract-diff.ts']);
const compiledPhases = await timePhases(process.execPath, [
  'scripts/run-compiled.js',
  'bench/diff-phases.ts',
]);
const tsxPhases = await timePhases(tsx, ['bench/diff-phases.ts']);
const nodeAlone = await timeCommand(process.execPath, ['-e', '0']);

const ref = defaultBase(repoRoot);
const checkout = checkoutBase(repoRoot, ref);
const peer = await redoclyDiff();
let redocly: number;
try {
  redocly = await timeCommand(
    redoclyBin,
    peer.args(join(checkout.dir, 'openapi/openapi.yaml'), 'openapi/openapi.yaml'),
  );
} finally {
  checkout.remove();
  await peer.remove();
}

const phase = (name: string, ms: number, extra: Partial<Figure> = {}): Figure => ({
  name,
  value: ms,
  unit: 'ms',
  ...extra,
});
const figures: Figure[] = [
  {
    name: `\`npm run diff\` (\`${command}\`)`,
    value: ours,
    unit: 's',
    peer: { name: '`redocly diff` (diff-recommended)', value: redocly },
    ratio: ours / redocly,
    target: `≤ ${TARGET_S} s`,
    met: ours <= TARGET_S,
  },
  { name: 'its first run after a source changed (compiling it again)', value: compiling, unit: 's' },
  {
    name: 'the same entry under tsx (`tsx scripts/contract-diff.ts`, as before)',
    value: underTsx,
    unit: 's',
  },
  phase(
    'compiled: start-up (Node, the cached compiled code, importing the engine)',
    compiledPhases.startup!,
    {
      peer: { name: 'under tsx', value: tsxPhases.startup! },
      ratio: compiledPhases.startup! / tsxPhases.startup!,
    },
  ),
  phase('of which Node itself (`node -e 0`)', nodeAlone * 1000),
  phase('checking out the base (git archive)', compiledPhases.checkout!),
  phase('bundling base and head (in process)', compiledPhases.bundle!),
  phase('classifying, locating and gating', compiledPhases.classify!),
];

await writeSection({
  id: '70-diff',
  title: '`npm run diff` against `redocly diff`',
  method: `Each command run ${rounds} time(s) as a fresh process on openapi/ against the default base (${/^[0-9a-f]{40}$/.test(ref) ? ref.slice(0, 12) : ref}), wall clock from start to exit, median (the compiled code cached, as it is from the second run on; the first run after an edit is timed apart). \`redocly diff\` compares the base's openapi/openapi.yaml (extracted beforehand, so its time has no git in it) with the working tree's. The phases are timed inside one run (bench/diff-phases.ts), compiled as \`npm run diff\` is and under tsx.`,
  command: 'npx tsx bench/diff.ts',
  figures,
  tools: {
    '@redocly/cli': await versionOf('@redocly/cli'),
    '@redocly/openapi-core': await versionOf('@redocly/openapi-core'),
    esbuild: await versionOf('esbuild'),
    tsx: await versionOf('tsx'),
  },
});
console.log(figures.map(f => `${f.name}: ${f.value.toFixed(f.unit === 's' ? 2 : 0)} ${f.unit}`).join('\n'));
