// The published package: dist/ builds, every `exports` entry and the bin run under plain Node
// (no tsx), and the browser entry carries no Node-only code.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Inside the repo so that the built modules resolve the repo's node_modules.
const dist = join(root, 'node_modules/.cache/mediagen-dist-test');
const built = (target: string) => (target.startsWith('./dist/') ? join(dist, target.slice('./dist/'.length)) : join(root, target));
const node = (script: string) => run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });

describe('package', () => {
  beforeAll(async () => {
    await run(join(root, 'node_modules/.bin/tsx'), ['scripts/build-dist.ts', dist], { cwd: root });
  }, 60_000);

  test('every export points at a built file', () => {
    const targets = Object.entries<string | Record<string, string>>(pkg.exports).flatMap(([entry, t]) =>
      (typeof t === 'string' ? [t] : Object.values(t)).map((file) => [entry, file] as const),
    );
    expect(targets.filter(([, file]) => !existsSync(built(file)))).toEqual([]);
  });

  test('the entries import under plain Node and work', async () => {
    const url = (entry: string) => JSON.stringify('file://' + built(pkg.exports[entry].default));
    const { stdout } = await node(`
      const client = await import(${url('.')});
      const webhooks = await import(${url('./webhooks')});
      const contract = await import(${url('./contract')});
      const catalogue = await import(${url('./catalogue')});
      const validator = contract.createContractValidator();
      const spec = contract.loadSpec();
      const balance = spec.components.examples.balance.value;
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
      }));`);
    expect(JSON.parse(stdout)).toEqual({ client: ['function', 'function', 'function'], webhook: 'webhook', ok: 0, bad: true, quota: 402 });
  });

  test('the bin runs under plain Node', async () => {
    const { stdout } = await run(process.execPath, [join(dist, 'src/mock/cli.js'), '--help']);
    expect(stdout).toMatch(/^Usage: mediagen-mock/);
    const bad = await run(process.execPath, [join(dist, 'src/mock/cli.js'), '--port', 'x']).catch((e) => e);
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([2, "mediagen-mock: --port must be a non-negative integer, got 'x'"]);
    expect(pkg.bin['mediagen-mock']).toBe('dist/src/mock/cli.js');
    expect(readFileSync(join(dist, 'src/mock/cli.js'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });
});
