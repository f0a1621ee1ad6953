// The browser entry bundles for the browser with no Node builtin and without the webhook helper.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const bundle = (entry: string) =>
  build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent' });

describe('src/client/index.ts for the browser', () => {
  it('bundles with --platform=browser, with no node builtin and no webhook code', async () => {
    const result = await bundle('src/client/index.ts');
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('src/client/client.ts');
    expect(inputs.filter((i) => /^node:|standardwebhooks|webhooks\.ts|ajv/.test(i))).toEqual([]);
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/\brequire\(|from"node:|import\("node:/);
  });

  it('the check fails for a module that needs Node (control)', async () => {
    await expect(bundle('test/client/server.ts')).rejects.toThrow(/node:http/);
  });
});
