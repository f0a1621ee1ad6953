// Every code sample of the docs site runs against the mock: the TypeScript and fetch ones compiled
// under --strict in one program, then executed in-process; the curl ones executed with curl. Each
// must get the statuses its comments promise, so a sample that stops working fails here.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { codeSamples, SAMPLE_LANGUAGES, withSamples } from '../../scripts/docs-sample-code.ts';
import { SAMPLE_BASE_URL, samplePlans, type SamplePlan } from '../../scripts/docs-samples.ts';
import { root } from '../../scripts/root.ts';
import { readContract } from '../../src/kernel/contract.ts';
import { loadDefaultFixtures } from '../../src/mock/fixtures.ts';
import { startMockServer, type MockServer } from '../../src/mock/index.ts';
import { repoOptions, typeCheck } from '../types/compile.ts';

const spec = JSON.parse(await readFile(join(root, 'generated/openapi.json'), 'utf8'));
const fixtures = loadDefaultFixtures();
const plans = samplePlans(spec, fixtures);
const client = join(root, 'src/client/index.ts');
/** The statuses a sample must print: the minimal call's, then the error case's. */
const expected = (plan: SamplePlan) => plan.calls.map(c => c.status);
const sourceOf = (plan: SamplePlan, label: string) => codeSamples(plan).find(s => s.label === label)!.source;

let server: MockServer;
let dir: string;
beforeAll(async () => {
  server = await startMockServer({ log: () => {}, port: 0 });
  dir = await mkdtemp(join(tmpdir(), 'mediagen-samples-'));
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the code samples of the docs', () => {
  it('cover every operation, in the three languages, with a minimal call and an error case', () => {
    const docs = withSamples(spec, fixtures);
    for (const op of readContract(docs).operations) {
      const samples = docs.paths[op.path][op.method.toLowerCase()]['x-codeSamples'];
      expect(samples.map((s: any) => s.label), op.operationId).toEqual(SAMPLE_LANGUAGES.map(l => l.label));
      const plan = plans.find(p => p.operationId === op.operationId)!;
      expect(plan.calls[0].status).toBeLessThan(300);
      expect(plan.calls[1].code, op.operationId).toBeDefined();
    }
    expect(spec.paths['/v2/models'].get['x-codeSamples']).toBeUndefined();
  });

  it('compile under --strict against @mediagen/client, in one program', () => {
    const files = Object.fromEntries(
      plans.flatMap(plan => [
        [join(root, `test/docs/samples/${plan.operationId}.client.ts`), sourceOf(plan, '@mediagen/client')],
        [join(root, `test/docs/samples/${plan.operationId}.fetch.ts`), sourceOf(plan, 'fetch')],
      ]),
    );
    const options = repoOptions({
      paths: { '@mediagen/client': [client] },
      // The samples are modules for top-level await, though a fetch sample imports nothing.
      moduleDetection: 3 /* ts.ModuleDetectionKind.Force */,
      noUnusedLocals: true,
    });
    expect(typeCheck(files, options).errors).toEqual([]);
  });

  it('in TypeScript and fetch, print the statuses they promise when run against the mock', async () => {
    for (const plan of plans) {
      for (const label of ['@mediagen/client', 'fetch']) {
        const file = join(dir, `${plan.operationId}-${label.replace(/\W/g, '')}.ts`);
        const source = sourceOf(plan, label)
          .replaceAll(SAMPLE_BASE_URL, server.url)
          .replace("from '@mediagen/client'", `from ${JSON.stringify(client)}`);
        await writeFile(file, source);
        const printed = vi.spyOn(console, 'log').mockImplementation(() => {});
        vi.stubEnv('MEDIAGEN_API_KEY', `mg_${randomUUID()}`);
        try {
          await import(file);
          expect(
            printed.mock.calls.map(args => args[0]),
            `${plan.operationId} ${label}`,
          ).toEqual(expected(plan));
        } finally {
          printed.mockRestore();
          vi.unstubAllEnvs();
        }
      }
    }
  });

  it('in curl, get the statuses they promise when run against the mock', async () => {
    await Promise.all(
      plans.map(async plan => {
        const { stdout } = await promisify(execFile)(
          '/bin/bash',
          ['-c', sourceOf(plan, 'curl').replaceAll(SAMPLE_BASE_URL, server.url)],
          { env: { PATH: process.env.PATH, MEDIAGEN_API_KEY: `mg_${randomUUID()}` }, timeout: 10_000 },
        );
        const statuses = [...stdout.matchAll(/^HTTP\/[\d.]+ (\d{3})/gm)].map(m => Number(m[1]));
        expect(statuses, plan.operationId).toEqual(expected(plan));
      }),
    );
  });
});
