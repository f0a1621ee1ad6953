// What a test file pays to use the mock in-process, measured on the packages as a user installs them
// (packed, installed into a fresh project): the import of @mediagen/mock, the import of Prism alone,
// and the time from the import to the first answer of createMockFetch; and what one server per run
// pays once. Each sample is a fresh Node process, as an isolated test file is. The mock guide's
// "Test suites" links it.
//   npm run bench -- mock-start        (-- --tiny mock-start: one round, figures meaningless)
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { installProject } from '../scripts/packages/install.ts';
import { packAll } from '../scripts/packages/pack-all.ts';
import { benchSettings, median, writeSection, type Figure } from './results.ts';

const ROUNDS = benchSettings(7, 1);

// Each snippet prints one JSON line of milliseconds; the clock starts before the first import.
const SNIPPETS = {
  prism: `const t0 = performance.now();
await import('@stoplight/prism-http');
console.log(JSON.stringify({ importMs: performance.now() - t0 }));`,
  mock: `const t0 = performance.now();
const { createMockFetch } = await import('@mediagen/mock');
const t1 = performance.now();
const res = await createMockFetch()('https://api.mediagen.example/v2/models', { headers: { authorization: 'Bearer mg_test_bench' } });
if (res.status !== 200) throw new Error('first answer: ' + res.status);
await res.text();
console.log(JSON.stringify({ importMs: t1 - t0, firstAnswerMs: performance.now() - t1 }));`,
  server: `const t0 = performance.now();
const { startMockServer } = await import('@mediagen/mock');
const server = await startMockServer({ port: 0, log: () => {} });
const res = await fetch(server.url + '/v2/models', { headers: { authorization: 'Bearer mg_test_bench' } });
if (res.status !== 200) throw new Error('first answer: ' + res.status);
await res.text();
const ms = performance.now() - t0;
await server.close();
console.log(JSON.stringify({ startMs: ms }));`,
};

async function sample(project: string, source: string): Promise<Record<string, number>> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', source], {
    cwd: project,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

const work = await mkdtemp(join(tmpdir(), 'mediagen-bench-mock-start-'));
try {
  const packed = await packAll(join(work, 'tarballs'));
  const project = join(work, 'project');
  await installProject(project, [packed.tarballs.contract!, packed.tarballs.mock!]);
  const prism: number[] = [];
  const mockImport: number[] = [];
  const firstAnswer: number[] = [];
  const serverStart: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    prism.push((await sample(project, SNIPPETS.prism)).importMs!);
    const mock = await sample(project, SNIPPETS.mock);
    mockImport.push(mock.importMs!);
    firstAnswer.push(mock.firstAnswerMs!);
    serverStart.push((await sample(project, SNIPPETS.server)).startMs!);
  }
  const prismMs = median(prism);
  const importMs = median(mockImport);
  const figures: Figure[] = [
    { name: 'import of @mediagen/mock (the in-process mock)', value: Math.round(importMs), unit: 'ms' },
    { name: 'import of Prism alone', value: Math.round(prismMs), unit: 'ms' },
    {
      name: 'createMockFetch to its first answer (after the import)',
      value: Math.round(median(firstAnswer)),
      unit: 'ms',
    },
    {
      name: 'what each isolated test file pays (import and first answer)',
      value: Math.round(importMs + median(firstAnswer)),
      unit: 'ms',
    },
    {
      name: 'one server per run (a global setup): import, startMockServer, first answer over HTTP, paid once',
      value: Math.round(median(serverStart)),
      unit: 'ms',
    },
  ];
  await writeSection({
    id: '33-mock-start',
    title: 'Mock start-up cost in a test suite',
    method: `${packed.names.join(', ')} packed and installed into a fresh project; median of ${ROUNDS} fresh Node processes each, timing the dynamic import of @mediagen/mock, then createMockFetch() to the end of its first answer (GET /v2/models); in other processes, the import of @stoplight/prism-http alone, and the import, startMockServer({ port: 0 }) and a first answer over HTTP on 127.0.0.1.`,
    command: 'npm run bench -- mock-start',
    figures,
  });
  for (const f of figures) console.log(`${f.name}: ${f.value} ${f.unit}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
