// The benchmark report: sections the benches record become BENCHMARKS.md, in order, each figure
// beside what it is compared with, and a tiny run says that its figures mean nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeReport } from '../../bench/report.ts';
import { writeSection } from '../../bench/results.ts';

let dir: string;
let report: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mediagen-report-'));
  process.env.BENCH_RESULTS = dir;
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
  report = await composeReport(dir);
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
