// The build: a malformed spec fails naming the file and line; a stale generated/ is detected; the
// one bundler (src/bundle/bundle.ts) writes what `redocly bundle` writes.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { BuildError, buildArtifacts, syncArtifacts } from '../../scripts/artifacts.ts';
import { root } from '../../scripts/root.ts';
import { bundleTree } from '../../src/bundle/bundle.ts';
import { copyContract } from './copy.ts';

let contract: Awaited<ReturnType<typeof copyContract>> | undefined;
afterEach(() => contract?.remove());

describe('build', () => {
  test('the committed generated/ is what openapi/ produces (else: npm run build)', async () => {
    expect(await syncArtifacts(await buildArtifacts())).toEqual([]);
  });

  test('the bundle of build, check and diff is byte for byte what `redocly bundle` (the CLI) writes', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'mediagen-cli-bundle-'));
    try {
      const out = join(tmp, 'openapi.json');
      await promisify(execFile)(
        join(root, 'node_modules/.bin/redocly'),
        ['bundle', 'openapi/openapi.yaml', '-o', out],
        { cwd: root },
      );
      expect(JSON.stringify(await bundleTree(root), null, 2)).toBe(await readFile(out, 'utf8'));
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });

  test('a broken $ref fails naming the file, line and missing target', async () => {
    contract = await copyContract();
    await contract.edit(
      'openapi/paths/models.yaml',
      'schemas/models/ModelList.yaml',
      'schemas/models/ModelLists.yaml',
    );
    const failure = await buildArtifacts(contract.dir).catch(e => e);
    expect(failure).toBeInstanceOf(BuildError);
    expect(failure.message).toMatch(/openapi\/paths\/models\.yaml:\d+:\d+/);
    expect(failure.message).toContain("Can't resolve $ref");
    expect(failure.message).toContain('ModelLists.yaml');
  });

  test('invalid YAML fails naming the file and line', async () => {
    contract = await copyContract();
    await contract.edit(
      'openapi/components/schemas/billing/Balance.yaml',
      'required: [balance, currency]',
      'required: [balance, currency',
    );
    const failure = await buildArtifacts(contract.dir).catch(e => e);
    expect(failure).toBeInstanceOf(BuildError);
    expect(failure.message).toMatch(/openapi\/components\/schemas\/billing\/Balance\.yaml:\d+:\d+/);
  });

  test('two schemas with one file name fail instead of being renamed silently', async () => {
    contract = await copyContract();
    // A second, different Model.yaml (models/Model.yaml is the real one), referenced from an image.
    await cp(
      join(contract.dir, 'openapi/components/schemas/billing/Balance.yaml'),
      join(contract.dir, 'openapi/components/schemas/images/Model.yaml'),
    );
    await contract.edit(
      'openapi/components/schemas/images/ImageGeneration.yaml',
      '  usage:\n',
      '  owner:\n    $ref: Model.yaml\n  usage:\n',
    );
    const failure = await buildArtifacts(contract.dir).catch(e => e);
    expect(failure).toBeInstanceOf(BuildError);
    expect(failure.message).toMatch(/Renamed Model to Model-2/);
  });

  test('an error code without one of its catalogue facts fails naming the schema and the fact', async () => {
    contract = await copyContract();
    await contract.edit(
      'openapi/components/schemas/errors/codes/QuotaExceededError.yaml',
      /x-action: .*\n/,
      '',
    );
    await expect(buildArtifacts(contract.dir)).rejects.toThrow(
      'components/schemas/QuotaExceededError: x-action is missing',
    );
  });

  test('a change to openapi/ makes generated/ stale, and only what it changes', async () => {
    contract = await copyContract();
    expect(await syncArtifacts(await buildArtifacts(contract.dir), { dir: contract.dir })).toEqual([]);
    await contract.edit(
      'openapi/components/schemas/billing/Balance.yaml',
      'description: Credits left, in `currency`.',
      'description: Money left.',
    );
    expect(await syncArtifacts(await buildArtifacts(contract.dir), { dir: contract.dir })).toEqual([
      'generated/openapi.json',
      'generated/openapi.yaml',
      'generated/schema.ts',
      'generated/validators.cjs',
    ]);
  });

  test('a file the build no longer makes is stale, and the build removes it', async () => {
    contract = await copyContract();
    const gone = join(contract.dir, 'generated/validators/99.cjs');
    await writeFile(gone, 'module.exports = () => ({});\n');
    const artifacts = await buildArtifacts(contract.dir);
    expect(await syncArtifacts(artifacts, { dir: contract.dir })).toEqual(['generated/validators/99.cjs']);
    expect(await syncArtifacts(artifacts, { dir: contract.dir, write: true })).toEqual([
      'generated/validators/99.cjs',
    ]);
    expect(existsSync(gone)).toBe(false);
    expect(await syncArtifacts(artifacts, { dir: contract.dir })).toEqual([]);
  });

  test('a tree with no generated/ yet has every artifact to write, and nothing left over', async () => {
    contract = await copyContract();
    await rm(join(contract.dir, 'generated'), { recursive: true });
    const artifacts = await buildArtifacts(contract.dir);
    expect(await syncArtifacts(artifacts, { dir: contract.dir })).toEqual([...artifacts.keys()]);
  });
});
