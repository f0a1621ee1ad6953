// The proxy's verdict kept for later: a HAR recorded through the proxy in front of the broken upstream
// (./plants.ts), checked offline by `mediagen-contract check`, finds exactly what the live proxy found;
// the HAR and the proxy's SARIF keep no key; the SARIF is valid against the SARIF 2.1.0 schema.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractValidator, send } from '../../src/contract/index.ts';
import type { Io } from '../../src/contract/test-cli.ts';
import { checkCommand } from '../../src/proxy/har-check-cli.ts';
import { checkHar, findingsIn } from '../../src/proxy/har-check.ts';
import { readHar } from '../../src/proxy/har-read.ts';
import { formatRecord } from '../../src/proxy/report.ts';
import { readJunit, sarifErrors } from '../contract/report-formats.ts';
import { call, conforming, KEY, leaks, notJson, plantedUpstream, plants } from './plants.ts';
import { startTestProxy, startUpstream, type TestProxy, type TestUpstream } from './start.ts';

const validator = createContractValidator();
const dir = mkdtempSync(join(tmpdir(), 'mediagen-har-'));
const sent = [...plants, conforming, notJson];

/** A log line without its time: what the live proxy and the offline check both say of a finding. */
const untimed = (line: string) => line.replace(/^\S+ /, '');

function check(args: string[]) {
  const io = { stdout: '', stderr: '' };
  const sink: Io = { out: t => void (io.stdout += t), err: t => void (io.stderr += t), tty: false };
  return { code: checkCommand(args, sink), ...io };
}

let upstream: TestUpstream;
beforeAll(async () => {
  upstream = await startUpstream(plantedUpstream);
});
afterAll(() => upstream.close());

describe.each([{ strict: false }, { strict: true }])(
  'a HAR of the broken upstream (strict: $strict)',
  ({ strict }) => {
    let har: TestProxy;
    let sarif: TestProxy;
    let harText: string;
    beforeAll(async () => {
      har = await startTestProxy(upstream.url, { strict, validator, reportFormat: 'har' });
      sarif = await startTestProxy(upstream.url, { strict, validator, reportFormat: 'sarif' });
      for (const p of sent) await Promise.all([call(har, p), call(sarif, p)]);
      await Promise.all([har.close(), sarif.close()]);
      harText = readFileSync(har.reportFile, 'utf8');
    });

    it('records every exchange as HAR 1.2, the key redacted everywhere', () => {
      const { log } = JSON.parse(harText);
      expect(log.version).toBe('1.2');
      expect(log.entries).toHaveLength(sent.length);
      for (const entry of log.entries) {
        expect(entry.request.url.startsWith(upstream.url)).toBe(true);
        expect(entry.request.headers).toContainEqual({ name: 'authorization', value: 'Bearer [redacted]' });
      }
      const posted = log.entries.find((e: { request: { method: string } }) => e.request.method === 'POST');
      expect(posted.request.postData.text).toBe('{}');
      expect(leaks(harText)).toEqual([]);
      expect(harText).not.toContain(KEY);
    });

    it('checked offline, finds exactly what the live proxy found', () => {
      const { exchanges, left } = checkHar(validator, readHar(harText));
      expect(left).toBe(0);
      const offline = findingsIn(exchanges).map(f => untimed(formatRecord({ time: '-', ...f })));
      const live = har.lines.filter(line => / [✗?] /.test(line)).map(untimed);
      expect(live.length).toBeGreaterThan(plants.length);
      expect(offline.sort()).toEqual(live.sort());
    });

    it('`mediagen-contract check` reports them as JUnit failures and exits 1', () => {
      const output = join(dir, `check-${strict}.xml`);
      const result = check([har.reportFile, '--reporter', 'junit', '--output', output]);
      expect(result.code).toBe(1);
      const junit = readJunit(readFileSync(output, 'utf8'));
      // Every plant breaks the contract, and the text body is an upstream failure; the conforming one passes.
      expect(junit).toMatchObject({ tests: sent.length, failures: plants.length + 1 });
      expect(result.stdout).toContain(`${sent.length - plants.length - 1}/${sent.length} conform`);
    });

    it('the live SARIF is valid, one result per violation and upstream failure, no key in it', () => {
      const text = readFileSync(sarif.reportFile, 'utf8');
      expect(sarifErrors(text)).toEqual([]);
      expect(JSON.parse(text).runs[0].results).toHaveLength(sarif.report.violations + sarif.report.failures);
      expect(leaks(text)).toEqual([]);
    });
  },
);

describe('mediagen-contract check', () => {
  it('exits 0 for a HAR whose exchanges conform, with the proxy summary', async () => {
    const proxy = await startTestProxy(upstream.url, { validator, reportFormat: 'har' });
    await call(proxy, conforming);
    await proxy.close();
    const result = check([proxy.reportFile]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Proxy summary: 1 response checked, 0 broke the contract');
  });

  it('leaves out what the live proxy did not check: an answer streamed through, a CORS preflight', async () => {
    const proxy = await startTestProxy(upstream.url, { validator, reportFormat: 'har', maxBodyBytes: 100 });
    await call(proxy, plants[6]!); // its envelope is over the limit: streamed through
    const preflight = { 'access-control-request-method': 'POST', origin: 'https://app.example' };
    await send(proxy.url, { method: 'OPTIONS', path: '/v2/images/generations', headers: preflight });
    await proxy.close();
    const entries = readHar(readFileSync(proxy.reportFile, 'utf8'));
    expect(entries.map(e => e.verdict.unchecked)).toEqual(['body over 100 bytes', 'CORS preflight']);
    expect(checkHar(validator, entries)).toEqual({ exchanges: [], left: 2 });
    expect(check([proxy.reportFile]).code).toBe(0);
  });

  it('exits 2 for a file that is missing or not a HAR, naming what is wrong', () => {
    const notHar = join(dir, 'not.har');
    writeFileSync(notHar, JSON.stringify({ log: { entries: [{ request: {} }] } }));
    const missing = check([join(dir, 'missing.har')]);
    const bad = check([notHar, '--reporter', 'sarif']);
    expect([missing.code, bad.code]).toEqual([2, 2]);
    expect(missing.stderr).toMatch(/missing\.har cannot be read \(ENOENT\)/);
    expect(bad.stderr).toContain('log.entries[0] must have a request and a response');
  });
});
