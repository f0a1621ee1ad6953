// How the tooling grows with the contract: build, lint, docs, validator creation and mock start-up
// on openapi/ (1×) and on a synthetic contract 10 times larger (bench/synthetic-contract.ts).
// Target: linear or better, i.e. the 10× figure at most 10 times the 1× one.
// Run: npx tsx bench/growth.ts (BENCH_TINY=1: 1× against 2×, one sample).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  benchSettings,
  inFreshProcess,
  median,
  repoRoot,
  versionOf,
  writeSection,
  type Figure,
} from './results.ts';
import { syntheticContract, type SyntheticContract } from './synthetic-contract.ts';

const { factor, samples } = benchSettings({ factor: 10, samples: 3 }, { factor: 2, samples: 1 });
const redocly = join(repoRoot, 'node_modules/.bin/redocly');
const quiet = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
const run = promisify(execFile);

/** Wall-clock milliseconds of an async step. */
async function wall(step: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await step();
  return performance.now() - started;
}

/** Each step on a contract directory, in milliseconds: whole commands by the clock, library calls timed inside a fresh process. */
const steps: Record<string, (dir: string) => Promise<number>> = {
  'build (bundle, types, catalogue, validators)': dir =>
    wall(() =>
      inFreshProcess(`const a = await import(${JSON.stringify(join(repoRoot, 'scripts/artifacts.ts'))});
      await a.syncArtifacts(await a.buildArtifacts(${JSON.stringify(dir)}), { dir: ${JSON.stringify(dir)}, write: true });`),
    ),
  'lint (redocly lint, house rules)': dir =>
    wall(() => run(redocly, ['lint', '--format=stylish'], { cwd: dir, env: quiet })),
  'docs (redocly build-docs)': dir =>
    wall(() =>
      run(
        redocly,
        [
          'build-docs',
          'generated/openapi.json',
          '-o',
          join(tmpdir(), `mediagen-growth-docs-${process.pid}.html`),
          '--inlineBundle',
          '--template',
          join(repoRoot, 'docs/template.hbs'),
          '--config',
          join(repoRoot, 'docs/redocly.yaml'),
        ],
        { cwd: dir, env: quiet, maxBuffer: 64 * 1024 * 1024 },
      ),
    ),
  'validator creation (precompiled module loaded)': async dir =>
    Number(
      await inFreshProcess(`const { validatorFor } = await import('./src/contract/validate.ts');
      const { readContract } = await import('./src/kernel/contract.ts');
      const { readFileSync } = await import('node:fs');
      const t = performance.now();
      const built = await import(${JSON.stringify(join(dir, 'generated/validators.cjs'))});
      validatorFor(readContract(JSON.parse(readFileSync(${JSON.stringify(join(dir, 'generated/openapi.json'))}, 'utf8'))), built);
      console.log(performance.now() - t);`),
    ),
  // Creation compiles nothing: each operation's group of code is a module, loaded on its first check.
  'validator first check (one operation compiled)': async dir =>
    Number(
      await inFreshProcess(`const { validatorFor } = await import('./src/contract/validate.ts');
      const { readContract } = await import('./src/kernel/contract.ts');
      const { readFileSync } = await import('node:fs');
      const built = await import(${JSON.stringify(join(dir, 'generated/validators.cjs'))});
      const contract = readContract(JSON.parse(readFileSync(${JSON.stringify(join(dir, 'generated/openapi.json'))}, 'utf8')));
      const validator = validatorFor(contract, built);
      const t = performance.now();
      validator.checkResponse('getBalance', { status: 200, headers: {}, body: {} });
      console.log(performance.now() - t);`),
    ),
  'validator creation (compiled at run time)': async dir =>
    Number(
      await inFreshProcess(`const { validatorFor } = await import('./src/contract/validate.ts');
      const { readContract } = await import('./src/kernel/contract.ts');
      const { readFileSync } = await import('node:fs');
      const t = performance.now();
      validatorFor(readContract(JSON.parse(readFileSync(${JSON.stringify(join(dir, 'generated/openapi.json'))}, 'utf8'))), undefined);
      console.log(performance.now() - t);`),
    ),
  'mock start-up (startMockServer)': async dir =>
    Number(
      await inFreshProcess(`const { startMockServer } = await import('./src/mock/index.ts');
      const { readFileSync } = await import('node:fs');
      const spec = JSON.parse(readFileSync(${JSON.stringify(join(dir, 'generated/openapi.json'))}, 'utf8'));
      const t = performance.now();
      const server = await startMockServer({ spec, host: '127.0.0.1', port: 0, log: () => {} });
      const ms = performance.now() - t;
      await server.close();
      console.log(ms);`),
    ),
};

/** The size of a built contract, to show what `factor` means. */
async function sizeOf(dir: string) {
  const text = await readFile(join(dir, 'generated/openapi.json'), 'utf8');
  const spec = JSON.parse(text);
  const catalogue = await readFile(join(dir, 'generated/catalogue.ts'), 'utf8');
  const count = (name: string) =>
    (catalogue.match(new RegExp(`export const ${name}[^=]*= (\\[.*\\]);`))?.[1] ?? '[]').split(',').length;
  const operations = Object.values<Record<string, unknown>>(spec.paths).flatMap(item =>
    Object.keys(item),
  ).length;
  return `${operations} operations, ${Object.keys(spec.components.schemas).length} schemas, ${count('errorCodes')} error codes, ${count('failureCodes')} failure codes, bundle ${Math.round(text.length / 1024)} KiB`;
}

const contracts: SyntheticContract[] = [];
try {
  contracts.push(await syntheticContract(1), await syntheticContract(factor));
  const times: Record<string, number[][]> = Object.fromEntries(Object.keys(steps).map(s => [s, [[], []]]));
  for (let i = 0; i < samples; i++) {
    // Build first: the other steps read generated/. Sizes alternate so that drift hits both alike.
    for (const [name, step] of Object.entries(steps)) {
      for (const c of i % 2 ? [1, 0] : [0, 1]) times[name]![c]!.push(await step(contracts[c]!.dir));
    }
  }
  const figures: Figure[] = Object.keys(steps).map(name => {
    const [one, many] = times[name]!.map(median) as [number, number];
    const ratio = many / one;
    return {
      name,
      value: many,
      unit: 'ms',
      peer: { name: '1× contract', value: one },
      ratio,
      target: `≤ ${factor}× (linear or better)`,
      met: ratio <= factor,
    };
  });
  const [size1, sizeN] = [await sizeOf(contracts[0]!.dir), await sizeOf(contracts[1]!.dir)];
  console.log(`growth: 1× (${size1}) against ${factor}× (${sizeN}), median of ${samples}`);
  for (const f of figures)
    console.log(
      `  ${f.name.padEnd(48)} ${f.peer!.value.toFixed(0).padStart(7)} ms → ${f.value.toFixed(0).padStart(7)} ms  ${f.ratio!.toFixed(2)}×`,
    );
  await writeSection({
    id: '60-growth',
    title: `Growth: the contract at 1× and ${factor}×`,
    method:
      `bench/synthetic-contract.ts adds ${factor - 1} renamed copies of every path, webhook, schema, response, example and error code of openapi/ ` +
      `(it lints clean and builds like the original). Build, lint and docs are timed as whole commands (what a developer waits for, Node start-up included); ` +
      `validator creation and mock start-up inside a fresh process. Median of ${samples}; the ratio is the ${factor}× figure ÷ the 1× one.`,
    command: 'npx tsx bench/growth.ts',
    figures,
    notes: [
      `1×: ${size1}.`,
      `${factor}×: ${sizeN}.`,
      'Docs: the Redoc render of the bundle (`redocly build-docs`), the bulk of `npm run docs`; the catalogue page step is not included.',
    ],
    tools: {
      '@redocly/cli': await versionOf('@redocly/cli'),
      'openapi-typescript': await versionOf('openapi-typescript'),
      '@stoplight/prism-cli': await versionOf('@stoplight/prism-cli'),
    },
  });
} finally {
  await Promise.all(contracts.map(c => c.remove()));
}
