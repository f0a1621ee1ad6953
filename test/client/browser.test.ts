// The browser entry bundles for the browser with no Node builtin and without the webhook helper;
// and nothing under src/client/ (the @mediagen/client package) reaches Node-only code or another package's folder
// (the spec kernel's browser-safe modules, src/kernel/ but its disk loader, are shared by every package).
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const bundle = (entry: string) =>
  build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });

describe('src/client/index.ts for the browser', () => {
  it('bundles with --platform=browser, with no node builtin and no webhook code', async () => {
    const result = await bundle('src/client/index.ts');
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('src/client/client.ts');
    expect(inputs.filter(i => /^node:|standardwebhooks|webhooks\.ts|ajv/.test(i))).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/\brequire\(|from"node:|import\("node:/);
  });

  // A Node builtin fails the browser bundle (see the control); the packages it may import are checked by build:dist.
  it('every module under src/client/ bundles for the browser, reaching only src/client/, the kernel, generated/ and packages', async () => {
    const allowed = /^(src\/client\/|src\/kernel\/(?!load\.ts)|generated\/|node_modules\/)/;
    const modules = readdirSync('src/client').filter(f => f.endsWith('.ts'));
    expect(modules).toContain('webhooks.ts');
    for (const file of modules) {
      const inputs = Object.keys((await bundle(`src/client/${file}`)).metafile.inputs);
      expect([file, inputs.filter(i => !allowed.test(i))]).toEqual([file, []]);
    }
  });

  it('the check fails for a module that needs Node (control)', async () => {
    await expect(bundle('test/client/server.ts')).rejects.toThrow(/node:http/);
  });
});
