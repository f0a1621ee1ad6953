// `npm run test:packages`: the published packages as their users get them. Builds dist/, packs each
// package, installs the tarballs into fresh projects (third-party dependencies from the registry),
// then checks footprint, plain Node use, types, publint/attw, the contract's proxy, the client in
// Chromium, the generator matrix (clients generated from the packed spec), each package page's example
// and the mock guide's test-suite examples run under vitest.
// Slow (about a minute or two); `--keep` leaves the temp projects for a look. Exit 1 on any failure.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, gzipSize, runInChromium } from './packages/browser.ts';
import { startBrokenServer } from './packages/broken-api.ts';
import * as consumers from './packages/consumers.ts';
import { footprint, installProject, type Footprint } from './packages/install.ts';
import { checkGenerators, installGenerators } from './packages/generators.ts';
import { runGuideExamples } from './packages/guide-examples.ts';
import { packAll } from './packages/pack-all.ts';
import { checkPackagePages, packLocalProject } from './packages/pages.ts';
import { validatorsWithoutEval } from './packages/no-eval.ts';
import { checkPackedProxy } from './packages/proxy.ts';
import { respectFailsAgainstBrokenApi } from './packages/workflows.ts';
import { checkPackedReports } from './packages/reports.ts';
import { expectEqual, run, runOk, startUntil, stop } from './packages/run.ts';
import { packages } from './packages/table.ts';
import { root } from './root.ts';

const bin = (name: string) => join(root, 'node_modules/.bin', name);

// Budgets: what a user of each package may be made to install, and what it must not
// bring (the contract, proxy included, holds traffic to the spec without Prism).
const budgets: Record<string, { bytes?: number; packages?: number; without?: string }> = {
  client: { bytes: 1_000_000, packages: 10 },
  contract: { bytes: 10_000_000, without: '@stoplight/' },
  mock: {},
};
const CLIENT_GZIP_BUDGET = 5_000;

/** Which tarballs each fresh project installs (the mock brings its sibling, the contract). */
const projects: Record<string, string[]> = {
  client: ['client'],
  contract: ['contract'],
  mock: ['contract', 'mock'],
};

const results: { name: string; ok: boolean; detail: string }[] = [];

/** Runs one check and records it; a failure is reported, and the run goes on. */
async function check(name: string, body: () => Promise<string>): Promise<void> {
  const started = performance.now();
  try {
    const detail = await body();
    results.push({ name, ok: true, detail });
    console.log(`✓ ${name}: ${detail} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    results.push({ name, ok: false, detail: (err as Error).message });
    console.log(`✗ ${name}: ${(err as Error).message}`);
  }
}

/** Throws unless `actual` deep-equals `expected`, showing both. */
/** One line of a footprint, failing over budget or with a package it must not bring. */
function judgeFootprint(name: string, { bytes, packages, names }: Footprint): string {
  const budget = budgets[name] ?? {};
  const without = budget.without ? `, no ${budget.without}*` : '';
  const line = `${(bytes / 1e6).toFixed(2)} MB in ${packages} packages (budget ${budget.bytes ? `${budget.bytes / 1e6} MB` : 'none'}${budget.packages ? `, ${budget.packages} packages` : ''}${without})`;
  if ((budget.bytes && bytes > budget.bytes) || (budget.packages && packages > budget.packages))
    throw new Error(`over budget: ${line}`);
  const forbidden = budget.without ? names.filter(n => n.startsWith(budget.without!)) : [];
  if (forbidden.length > 0) throw new Error(`${line}, yet it installed ${forbidden.join(', ')}`);
  return line;
}

/** Writes a consumer .ts with both tsconfigs and type-checks it under each. */
async function typeCheck(project: string, source: string): Promise<string> {
  await writeFile(join(project, 'consumer.ts'), source);
  const configs = consumers.consumerTsconfigs(join(root, 'node_modules/@types'));
  for (const [file, config] of Object.entries(configs)) {
    await writeFile(join(project, file), JSON.stringify(config, null, 2));
    await runOk(bin('tsc'), ['-p', file], { cwd: project });
  }
  return `--strict, ${Object.keys(configs)
    .map(f => f.split('.')[1])
    .join(' and ')}`;
}

/** Export subpaths that are files to read, not modules to import (attw cannot resolve them): the YAML. */
const notImportable = (dir: string) =>
  Object.entries(packages.find(p => p.dir === dir)?.exports ?? {})
    .filter(([, source]) => !/\.(ts|json)$/.test(source))
    .map(([subpath]) => subpath);

/** Runs a Node ESM script in a consumer project and parses the JSON line it prints. */
async function nodeScript(
  project: string,
  name: string,
  source: string,
  args: string[] = [],
): Promise<unknown> {
  await writeFile(join(project, name), source);
  const { stdout } = await runOk(process.execPath, [name, ...args], { cwd: project, timeoutMs: 60_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'mediagen-packages-'));
  const dist = join(work, 'dist');
  const tarballs: Record<string, string> = {};
  console.log(`test:packages in ${work}`);

  const packed = await packAll(join(work, 'tarballs'), dist);
  Object.assign(tarballs, packed.tarballs);
  console.log(`packed ${packed.names.join(', ')}`);

  for (const [name, needs] of Object.entries(projects)) {
    const project = join(work, name);
    await check(`${name}: install and footprint`, async () => {
      await installProject(
        project,
        needs.map(n => tarballs[n]!),
      );
      return judgeFootprint(name, await footprint(project));
    });
  }

  const mock = startUntil(
    'npx',
    ['--no', '--', 'mediagen-mock', '--port', '0', '--quiet'],
    join(work, 'mock'),
    /listening on (http:\/\/\S+)/,
  );
  let mockUrl = '';
  await check('mock: npx mediagen-mock starts', async () => {
    mockUrl = (await mock.matched)[1]!;
    return mockUrl;
  });

  await check('client: plain Node ESM against the packed mock gets typed errors', async () => {
    expectEqual(
      await nodeScript(join(work, 'client'), 'check.mjs', consumers.clientScript, [mockUrl]),
      consumers.clientExpected,
      'client script',
    );
    return 'parameter_missing (400, param prompt) and quota_exceeded (402) as typed errors; webhooks entry loads';
  });

  await check('mock: plain Node ESM, the in-process fetch (no port)', async () => {
    expectEqual(
      await nodeScript(join(work, 'mock'), 'check.mjs', consumers.mockScript),
      consumers.mockExpected,
      'mock script',
    );
    return 'an image charged, an unknown model 404 not_found, through createMockFetch';
  });

  await check('contract: plain Node ESM entries', async () => {
    expectEqual(
      await nodeScript(join(work, 'contract'), 'check.mjs', consumers.contractScript),
      consumers.contractExpected,
      'contract script',
    );
    return 'validator, spec walker and openapi.json load; versions agree';
  });

  await check('contract: validators with eval disabled (--disallow-code-generation-from-strings)', () =>
    validatorsWithoutEval(join(work, 'contract')),
  );

  await check('contract: CLI passes against the packed mock', async () => {
    const ran = await run(
      'npx',
      ['--no', '--', 'mediagen-contract', 'test', mockUrl, '--key', 'mg_test_packages', '--forced'],
      { cwd: join(work, 'contract') },
    );
    if (ran.code !== 0) throw new Error(`exit ${ran.code}:\n${ran.stdout}${ran.stderr}`);
    return ran.stdout.split('\n')[0]!;
  });

  await check('contract: CLI fails against a broken server', async () => {
    const broken = await startBrokenServer();
    try {
      const ran = await run(
        'npx',
        ['--no', '--', 'mediagen-contract', 'test', broken.url, '--key', 'mg_test_packages'],
        { cwd: join(work, 'contract') },
      );
      if (ran.code !== 1 || !ran.stdout.includes('✗'))
        throw new Error(`expected exit 1 with violations, got ${ran.code}:\n${ran.stdout}${ran.stderr}`);
      return `exit 1; ${ran.stdout.split('\n')[0]}`;
    } finally {
      await broken.close();
    }
  });

  await check(
    'contract: the workflows under redocly respect fail against a broken API',
    respectFailsAgainstBrokenApi,
  );

  await check('contract: CLI reports SARIF located in the packed bundle; exit 3 with no server', async () => {
    const broken = await startBrokenServer();
    return checkPackedReports(join(work, 'contract'), broken.url).finally(() => broken.close());
  });

  await check('contract: the proxy CLI (mediagen-contract proxy) in front of the packed mock', () =>
    checkPackedProxy(join(work, 'contract'), mockUrl),
  );

  const typeSources: Record<string, string> = {
    client: consumers.clientTypes,
    contract: consumers.contractTypes,
    mock: consumers.mockTypes,
  };
  for (const [name, source] of Object.entries(typeSources)) {
    await check(`${name}: a consumer .ts type-checks`, () => typeCheck(join(work, name), source));
  }

  for (const name of Object.keys(tarballs)) {
    await check(`${name}: publint`, async () => {
      const { stdout } = await runOk(bin('publint'), ['run', tarballs[name]!, '--strict'], { cwd: work });
      if (!/All good/.test(stdout)) throw new Error(stdout.trim());
      return stdout.trim().split('\n').at(-1)!;
    });
    await check(`${name}: arethetypeswrong (esm-only)`, async () => {
      const assets = notImportable(name);
      const exclude = assets.length > 0 ? ['--exclude-entrypoints', ...assets] : [];
      const { stdout } = await runOk(
        bin('attw'),
        [
          tarballs[name]!,
          '--profile',
          'esm-only',
          '--format',
          'ascii',
          '--no-emoji',
          '--no-color',
          ...exclude,
        ],
        { cwd: work },
      );
      return (
        stdout
          .trim()
          .split('\n')
          .find(l => /No problems found/.test(l)) ?? 'no problems'
      );
    });
  }

  await check('client: bundled from the install, gzip size', async () => {
    const size = await gzipSize(join(work, 'client'));
    if (size > CLIENT_GZIP_BUDGET)
      throw new Error(`${size} B gzipped, over the ${CLIENT_GZIP_BUDGET} B budget`);
    return `${size} B gzipped (budget ${CLIENT_GZIP_BUDGET} B)`;
  });

  await check('client: in headless Chromium against the mock through CORS', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium)`);
    expectEqual(
      await runInChromium(join(work, 'client'), consumers.browserEntry, mockUrl),
      consumers.browserExpected,
      'browser',
    );
    return 'balance read and parameter_missing as a typed error, cross-origin';
  });

  await check('generators: clients from the packed spec (table above)', async () => {
    await installGenerators(join(work, 'generators'), [tarballs.client!, tarballs.contract!]);
    return checkGenerators(join(work, 'generators'));
  });

  await checkPackagePages(check, work, Object.keys(projects), mockUrl);
  await check('mock guide: its test-suite examples run (vitest, in-process)', () =>
    runGuideExamples(packLocalProject(work)),
  );

  await stop(mock.child);
  if (!process.argv.includes('--keep')) await rm(work, { recursive: true, force: true });
  const failed = results.filter(r => !r.ok).length;
  console.log(`\ntest:packages: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

await main();
