// The published packages, quickly (npm run test:packages packs and installs them for real): dist/
// builds from the one table, versions agree, each package ships only what its entries reach,
// entries and bins run under plain Node (no tsx), and an undeclared import fails the build.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rm, symlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compileTree, writePackages } from '../scripts/build-dist.ts';
import { packages, type PackageSpec } from '../scripts/packages/table.ts';
import { typeCheck } from './types/compile.ts';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
// Inside the repo, so that the built modules resolve third-party packages from its node_modules.
const dist = join(root, 'node_modules/.cache/mediagen-dist-test');
const version = JSON.parse(readFileSync(join(root, 'generated/openapi.json'), 'utf8')).info.version;
const manifest = (spec: PackageSpec) =>
  JSON.parse(readFileSync(join(dist, spec.dir, 'package.json'), 'utf8'));
const byName = (name: string) => packages.find(p => p.name === name)!;
const node = (script: string) => run(process.execPath, ['--input-type=module', '-e', script], { cwd: dist });

/** Every file a built package holds, relative to it. */
async function filesOf(spec: PackageSpec): Promise<string[]> {
  const dir = join(dist, spec.dir);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter(e => e.isFile()).map(e => relative(dir, join(e.parentPath, e.name)));
}

let tree: string;

describe('build:dist', () => {
  beforeAll(async () => {
    tree = await compileTree();
    await writePackages(tree, dist);
    // Siblings resolve by name, as they would from node_modules once installed.
    await mkdir(join(dist, 'node_modules/@mediagen'), { recursive: true });
    for (const spec of packages) await symlink(join(dist, spec.dir), join(dist, 'node_modules', spec.name));
  }, 120_000);
  afterAll(() => rm(tree, { recursive: true, force: true }));

  test("every package carries the contract's info.version and depends on its siblings' exact version", () => {
    for (const spec of packages) {
      const pkg = manifest(spec);
      expect([pkg.name, pkg.version]).toEqual([spec.name, version]);
      for (const sibling of packages.filter(p => spec.dependencies.includes(p.name)))
        expect(pkg.dependencies[sibling.name]).toBe(version);
    }
    expect(manifest(byName('@mediagen/mock')).dependencies['@mediagen/contract']).toBe(version);
  });

  test('every export and bin points at a shipped file', () => {
    for (const spec of packages) {
      const pkg = manifest(spec);
      const targets = Object.values<string | Record<string, string>>(pkg.exports).flatMap(t =>
        typeof t === 'string' ? [t] : Object.values(t),
      );
      const missing = [...targets, ...Object.values<string>(pkg.bin ?? {})].filter(
        file => !existsSync(join(dist, spec.dir, file)),
      );
      expect([spec.name, missing]).toEqual([spec.name, []]);
    }
  });

  test('each package ships its own folder, and what it reaches elsewhere only when no sibling serves it', async () => {
    const client = await filesOf(byName('@mediagen/client'));
    const contract = await filesOf(byName('@mediagen/contract'));
    const mock = await filesOf(byName('@mediagen/mock'));
    expect(
      client.filter(
        f =>
          !/^(src\/client\/|src\/kernel\/(json|headers|timer)\.|generated\/(catalogue|schema)\.|package\.json|README\.md)/.test(
            f,
          ),
      ),
    ).toEqual([]);
    expect(contract).toContain('generated/openapi.json');
    expect(contract.filter(f => f.startsWith('src/mock/'))).toEqual([]);
    expect(mock.filter(f => f.startsWith('src/contract/') || f.startsWith('generated/openapi'))).toEqual([]);
    // The validating proxy is the contract's (its validators, no Prism), and none of it is in the mock.
    const proxyModules = readdirSync(join(root, 'src/proxy'))
      .filter(f => f.endsWith('.ts') && f !== 'types.ts') // types.ts holds only types: no module
      .map(f => `src/proxy/${f.replace(/\.ts$/, '.js')}`);
    expect([...proxyModules, 'src/proxy/index.d.ts'].filter(f => !contract.includes(f))).toEqual([]);
    expect(mock.filter(f => f.startsWith('src/proxy/'))).toEqual([]);
    expect(manifest(byName('@mediagen/contract')).exports['./proxy']).toEqual({
      types: './src/proxy/index.d.ts',
      default: './src/proxy/index.js',
    });
    expect(manifest(byName('@mediagen/mock')).exports['./proxy']).toBeUndefined();
    expect(Object.keys(manifest(byName('@mediagen/client')).dependencies).sort()).toEqual([
      'openapi-fetch',
      'openapi-typescript-helpers',
      'standardwebhooks',
    ]);
  });

  test('every dependency a package declares is named by a module it ships', async () => {
    for (const spec of packages) {
      const modules = (await filesOf(spec)).filter(f => f.endsWith('.js') || f.endsWith('.d.ts'));
      const code = modules.map(f => readFileSync(join(dist, spec.dir, f), 'utf8')).join('\n');
      const unused = [...spec.dependencies, ...(spec.optionalPeers ?? [])].filter(
        name => !new RegExp(`['"]${name.replace(/[/.]/g, '\\$&')}(/[^'"]*)?['"]`).test(code),
      );
      expect([spec.name, unused]).toEqual([spec.name, []]);
    }
  });

  test('the entries import under plain Node and work', async () => {
    const { stdout } = await node(`
      const client = await import('@mediagen/client');
      const webhooks = await import('@mediagen/client/webhooks');
      const catalogue = await import('@mediagen/client/catalogue');
      const contract = await import('@mediagen/contract');
      const { loadSpec } = await import('@mediagen/contract/spec');
      const proxy = await import('@mediagen/contract/proxy');
      const mock = await import('@mediagen/mock');
      const validator = contract.createContractValidator();
      const balance = loadSpec().components.examples.balance.value;
      const ok = validator.checkResponse('getBalance', { status: 200, headers: { 'x-request-id': 'req_1', 'content-type': 'application/json' }, body: balance });
      const bad = validator.checkResponse({ method: 'GET', path: '/v2/billing/balance' }, { status: 200, headers: {}, body: { balance: 'lots' } });
      const c = client.createClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9' });
      const failure = await webhooks.verifyWebhook('whsec_' + Buffer.from('secret').toString('base64'), '{}', {});
      console.log(JSON.stringify({
        client: [typeof c.GET, typeof c.POST, typeof client.waitForVideo],
        webhook: failure.error?.kind,
        ok: ok.length,
        bad: bad.length > 1,
        quota: catalogue.errorCatalogue.quota_exceeded.status,
        mock: typeof mock.startMockServer,
        proxy: Object.keys(proxy),
      }));`);
    expect(JSON.parse(stdout)).toEqual({
      client: ['function', 'function', 'function'],
      webhook: 'webhook',
      ok: 0,
      bad: true,
      quota: 402,
      mock: 'function',
      proxy: ['startProxy'],
    });
  });

  test('the bins run under plain Node and refuse bad input in one line', async () => {
    const mockBin = join(dist, 'mock', manifest(byName('@mediagen/mock')).bin['mediagen-mock']);
    const contractBin = join(
      dist,
      'contract',
      manifest(byName('@mediagen/contract')).bin['mediagen-contract'],
    );
    expect((await run(process.execPath, [mockBin, '--help'])).stdout).toMatch(/^Usage: mediagen-mock/);
    expect((await run(process.execPath, [contractBin, '--help'])).stdout).toMatch(
      /^Usage: mediagen-contract test <base-url>/,
    );
    expect((await run(process.execPath, [contractBin, 'proxy', '--help'])).stdout).toMatch(
      /^Usage: mediagen-contract proxy <upstream-url>/,
    );
    const badPort = await run(process.execPath, [mockBin, '--port', 'x']).catch(e => e);
    expect([badPort.code, badPort.stderr.split('\n')[0]]).toEqual([
      2,
      "mediagen-mock: --port must be a port from 0 to 65535, got 'x'",
    ]);
    const badUrl = await run(process.execPath, [contractBin, 'test', 'localhost:4010', '--key', 'k']).catch(
      e => e,
    );
    expect([badUrl.code, badUrl.stderr.split('\n')[0]]).toEqual([
      2,
      "mediagen-contract: <base-url> must be an http(s) URL, got 'localhost:4010'",
    ]);
    const noUpstream = await run(process.execPath, [contractBin, 'proxy']).catch(e => e);
    expect([noUpstream.code, noUpstream.stderr.split('\n')[0]]).toEqual([
      2,
      'mediagen-contract proxy: the upstream URL is missing',
    ]);
    for (const bin of [mockBin, contractBin])
      expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  test('a package that imports what it does not depend on fails the build, naming the file', async () => {
    const client = byName('@mediagen/client');
    const withoutFetch = { ...client, dependencies: client.dependencies.filter(d => d !== 'openapi-fetch') };
    await expect(writePackages(tree, join(dist, 'broken'), [withoutFetch])).rejects.toThrow(
      "@mediagen/client: src/client/client.js imports 'openapi-fetch', which is not in its dependencies (scripts/packages/table.ts)",
    );
  });

  test("msw is the mock's optional peer (for ./msw), with the root package.json's range", () => {
    const pkg = manifest(byName('@mediagen/mock'));
    const rootRange = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.msw;
    expect([pkg.peerDependencies, pkg.peerDependenciesMeta]).toEqual([
      { msw: rootRange },
      { msw: { optional: true } },
    ]);
    expect(pkg.dependencies.msw).toBeUndefined();
    expect(pkg.exports['./msw']).toEqual({ types: './src/mock/msw.d.ts', default: './src/mock/msw.js' });
  });

  test('an entry tsc did not emit fails the build with its name', async () => {
    const client = byName('@mediagen/client');
    const typo = { ...client, exports: { '.': 'src/client/indx.ts' } };
    await expect(writePackages(tree, join(dist, 'broken'), [typo])).rejects.toThrow(
      '@mediagen/client: src/client/indx.js is not in the compiled tree',
    );
  });
});

// Calls written as users write them (test/types/corpus/) compile under --strict against the BUILT
// client, resolved by name as from node_modules, with moduleResolution nodenext and bundler.
describe('the user corpus against the built @mediagen/client', () => {
  const corpus = join(root, 'test/types/corpus');
  const app = join(dist, 'corpus-app');
  const files = readdirSync(corpus).filter(f => f.endsWith('.ts'));
  const strict: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
  };
  const modes: Record<string, ts.CompilerOptions> = {
    nodenext: {
      ...strict,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
    },
    bundler: { ...strict, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  };

  test('the corpus has a file per kind of use', () => {
    expect(files.sort()).toEqual([
      'error-codes.ts',
      'full-calls.ts',
      'minimal-calls.ts',
      'verify-webhook.ts',
      'wait-for-video.ts',
    ]);
  });

  for (const [mode, options] of Object.entries(modes)) {
    test(`compiles under --strict, moduleResolution ${mode}`, () => {
      mkdirSync(app, { recursive: true });
      writeFileSync(
        join(app, 'package.json'),
        JSON.stringify({ name: 'corpus-app', private: true, type: 'module' }),
      );
      const sources = Object.fromEntries(
        files.map(f => [join(app, f), readFileSync(join(corpus, f), 'utf8')]),
      );
      // Real path: the compiler names files by theirs, and node_modules may be a symlink (a git worktree's).
      const installed = realpathSync(join(dist, byName('@mediagen/client').dir));
      // The package's declarations are checked too, as a user's compiler without skipLibCheck would.
      const { errors, program } = typeCheck(sources, options, { checked: f => f.startsWith(installed) });
      expect(errors.map(e => e.replace(relative(root, app), 'test/types/corpus'))).toEqual([]);
      // The types came from the built package, not from the repo's sources.
      const client = program.getSourceFiles().find(s => s.fileName.endsWith('/client/client.d.ts'));
      expect(client?.fileName.startsWith(installed)).toBe(true);
    }, 120_000); // a program takes 1 to 3 s alone and over 15 s on a loaded machine
  }
});
