// The benchmark report: sections the benches record become BENCHMARKS.md, in order, each figure
// beside what it is compared with, and a tiny run says that its figures mean nothing. The committed
// report is what bench/results.json gives; `npm run bench -- <name>` replaces that bench's section only
// (in a fresh clone, with no earlier run on the machine, the others stay as committed), and a tiny run
// never touches the committed figures.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeReport } from '../../bench/report.ts';
import { committedResults, readSections, repoRoot, writeSection } from '../../bench/results.ts';

let dir: string;
let file: string;
let report: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mediagen-report-'));
  file = join(dir, 'results.json');
  process.env.BENCH_RESULTS = file;
  process.env.BENCH_TINY = '1';
  // Written out of order: the report sorts sections by id.
  await writeSection({
    id: '40-validators',
    title: 'Validators',
    method: 'Checks per second.',
    command: 'npx tsx bench/validators.ts',
    figures: [
      {
        name: 'valid 200',
        value: 2_345_678.4,
        unit: 'checks/s',
        peer: { name: 'openapi-backend', value: 1_000_000 },
        ratio: 2.3456,
        target: '≥ 2× the peer',
        met: true,
      },
    ],
    tools: { ajv: '8.20.0' },
  });
  await writeSection({
    id: '10-size',
    title: 'Size',
    method: 'Bytes.',
    command: 'npx tsx bench/client-size.ts',
    figures: [
      {
        name: 'gzipped | browser',
        value: 5100,
        unit: 'B',
        peer: { name: 'budget', value: 5000 },
        ratio: 1.02,
        target: '≤ 5000 B',
        met: false,
      },
      { name: 'minified', value: 12.3456, unit: 'KiB' },
    ],
    notes: ['One note.'],
    tools: { esbuild: '0.28.2' },
  });
  report = await composeReport(file);
});

afterAll(async () => {
  delete process.env.BENCH_RESULTS;
  delete process.env.BENCH_TINY;
  await rm(dir, { recursive: true, force: true });
});

describe('benchmark report', () => {
  it('orders sections by id and lists the machine and every tool', () => {
    expect(report.indexOf('## Size')).toBeGreaterThan(0);
    expect(report.indexOf('## Size')).toBeLessThan(report.indexOf('## Validators'));
    expect(report).toMatch(/^Machine: \d+ cores .*Node v\d+/m);
    expect(report).toContain('Tools: ajv 8.20.0, esbuild 0.28.2.');
  });

  it('puts each figure beside its peer, ratio, target and verdict', () => {
    expect(report).toContain(
      '| valid 200 | 2,345,678 checks/s | openapi-backend: 1,000,000 checks/s | 2.35× | ≥ 2× the peer | met |',
    );
    expect(report).toContain(
      '| gzipped \\| browser | 5,100 B | budget: 5,000 B | 1.02× | ≤ 5000 B | **missed** |',
    );
    expect(report).toContain('| minified | 12.3 KiB |  |  |  |  |');
    expect(report).toContain('- One note.');
  });

  it('gives the command to reproduce each section and marks a tiny run', () => {
    expect(report).toContain(
      'Reproduce: `npx tsx bench/validators.ts` (this run: **tiny setting**, figures not meaningful)',
    );
    expect(report).toContain('npm ci && npm run bench');
  });
});

describe('the recorded sections', () => {
  it('replace a section by its id and keep the others', async () => {
    await writeSection({ id: '10-size', title: 'Size again', method: 'Bytes.', command: 'c', figures: [] });
    const sections = await readSections(file);
    expect(sections.map(s => [s.id, s.title])).toEqual([
      ['10-size', 'Size again'],
      ['40-validators', 'Validators'],
    ]);
    expect(sections[1]!.figures[0]!.value).toBe(2_345_678.4);
  });

  it('name the machine of each section when they differ', async () => {
    const [size, validators] = await readSections(file);
    await writeFile(file, JSON.stringify([{ ...size!, machine: 'another machine' }, validators]));
    const mixed = await composeReport(file);
    expect(mixed).toMatch(/^Machines: another machine; \d+ cores .*\(each section names its own\)\.$/m);
    expect(mixed).toContain(`measured ${size!.measuredAt} on another machine at commit`);
  });

  it('refuse a results file that is not a list of sections, naming it', async () => {
    await writeFile(file, '{"sections": {}}');
    await expect(readSections(file)).rejects.toThrow(`${file}: not a list of bench sections`);
    await writeFile(file, '[');
    await expect(readSections(file)).rejects.toThrow(`${file}: not JSON`);
  });
});

it('the committed BENCHMARKS.md is what bench/results.json gives', async () => {
  expect(
    await readFile(join(repoRoot, 'BENCHMARKS.md'), 'utf8'),
    'BENCHMARKS.md is stale: run `npm run bench:report` (a bench run alone records only bench/results.json)',
  ).toBe(await composeReport(committedResults));
});

const sectionsOf = (report: string) => report.split(/^(?=## )/m).slice(1);
const committedReport = () => readFile(join(repoRoot, 'BENCHMARKS.md'), 'utf8');

/** bench/run.ts with these arguments, BENCH_RESULTS as given (no inherited bench settings); its output. */
async function runBenches(args: string[], results?: string): Promise<string> {
  const { BENCH_RESULTS, BENCH_TINY, ...env } = process.env;
  // The exit code is not asserted: client-size exits 1 over its budget, after recording its section.
  const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], {
    cwd: repoRoot,
    env: results ? { ...env, BENCH_RESULTS: results } : env,
  });
  return (await run.catch((error: { stdout: string }) => error)).stdout;
}

describe('npm run bench', () => {
  it('a partial run replaces its own section and keeps every other one as committed', async () => {
    const results = join(await mkdtemp(join(dir, 'partial-')), 'results.json');
    await copyFile(committedResults, results);
    await runBenches(['client-size'], results);
    const before = sectionsOf(await committedReport());
    const after = sectionsOf(await readFile(join(dirname(results), 'BENCHMARKS.md'), 'utf8'));
    expect(after.map(s => s.split('\n')[0])).toEqual(before.map(s => s.split('\n')[0]));
    const changed = after.filter((s, i) => s !== before[i]).map(s => s.split('\n')[0]);
    expect(changed).toEqual(['## Client size in a browser bundle']);
    const committed = (await readSections(committedResults)).find(s => s.id === '10-client-size')!;
    const fresh = (await readSections(results)).find(s => s.id === '10-client-size')!;
    expect(Date.parse(fresh.measuredAt)).toBeGreaterThan(Date.parse(committed.measuredAt));
  });

  it('a tiny run writes its report to a temp directory and leaves the committed figures alone', async () => {
    const [data, report] = [await readFile(committedResults, 'utf8'), await committedReport()];
    const output = await runBenches(['client-size', '--tiny']);
    const written = output.match(/^wrote (.+)$/m)![1]!;
    try {
      expect(written.startsWith(tmpdir())).toBe(true);
      expect(await readFile(written, 'utf8')).toContain(
        '(this run: **tiny setting**, figures not meaningful)',
      );
      expect(await readFile(committedResults, 'utf8')).toBe(data);
      expect(await committedReport()).toBe(report);
    } finally {
      await rm(dirname(written), { recursive: true, force: true });
    }
  });
});
