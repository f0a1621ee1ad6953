// The proxy's report files hold bounded memory: a HAR is written as each exchange comes (the file grows
// before close, and parses after), leaves entries out when the disk is behind and survives a full disk;
// a SARIF lists the first findings up to its cap and says how many it leaves out, while the summary and
// the exit status still count every finding.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractValidator } from '../../src/contract/index.ts';
import { exitStatus } from '../../src/proxy/cli.ts';
import { checkHar } from '../../src/proxy/har-check.ts';
import { readHar } from '../../src/proxy/har-read.ts';
import { harEntry } from '../../src/proxy/har.ts';
import { openReportFile } from '../../src/proxy/report-file.ts';
import { sarifErrors } from '../contract/report-formats.ts';
import { call, conforming, plantedUpstream, plants } from './plants.ts';
import { startTestProxy, startUpstream, waitFor, type TestUpstream } from './start.ts';

const validator = createContractValidator();
const dir = mkdtempSync(join(tmpdir(), 'mediagen-report-bounds-'));

let upstream: TestUpstream;
beforeAll(async () => {
  upstream = await startUpstream(plantedUpstream);
});
afterAll(() => upstream.close());

/** Entries written so far: each is a line of its own. */
const entriesIn = (file: string) => readFileSync(file, 'utf8').split('\n{"startedDateTime"').length - 1;

/** An exchange's entry with an answer body of `bytes`. */
const entry = (bytes: number) =>
  harEntry(
    {
      started: Date.now(),
      method: 'GET',
      url: 'http://upstream.test/v2/models',
      headers: {},
      body: () => undefined,
    },
    { status: 200, headers: { 'content-type': 'application/json' }, text: `"${'x'.repeat(bytes)}"` },
    { call: { method: 'GET', path: '/v2/models' } },
    text => text,
  );

describe('a HAR report', () => {
  it('is written as the exchanges come, and is a HAR `mediagen-contract check` reads on close', async () => {
    const proxy = await startTestProxy(upstream.url, { validator, reportFormat: 'har' });
    const sizes: number[] = [];
    for (let i = 1; i <= 12; i++) {
      await call(proxy, i % 2 ? conforming : plants[0]!);
      await waitFor(() => entriesIn(proxy.reportFile) === i, `entry ${i} on disk`);
      sizes.push(statSync(proxy.reportFile).size);
    }
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(new Set(sizes).size).toBe(sizes.length);
    await proxy.close();
    const text = readFileSync(proxy.reportFile, 'utf8');
    expect(JSON.parse(text).log).toMatchObject({
      version: '1.2',
      creator: { name: 'mediagen-contract proxy' },
    });
    const { exchanges, left } = checkHar(validator, readHar(text));
    expect([exchanges.length, left]).toEqual([12, 0]);
    expect(exchanges.filter(x => x.findings.length > 0)).toHaveLength(6);
  });

  it('leaves an entry out while the disk is over the backlog behind, counted in log.comment', async () => {
    const lines: string[] = [];
    const file = join(dir, 'behind.har');
    const har = openReportFile(file, 'har', 'http://upstream.test', '1', {
      harBacklogBytes: 1000,
      log: line => lines.push(line),
    });
    // Written in one go, before the disk has taken the first: the second and third find it behind.
    for (let i = 0; i < 3; i++) har.exchange!(entry(2000));
    await har.close();
    const text = readFileSync(file, 'utf8');
    expect(readHar(text)).toHaveLength(1);
    expect(JSON.parse(text).log.comment).toBe('2 exchanges left out: the disk was behind');
    expect(lines).toEqual([`HAR report: ${file} is over 1000 bytes behind; exchanges are left out`]);
  });

  it('on a full disk, logs once and stops recording, and closes', async () => {
    const lines: string[] = [];
    const har = openReportFile('/dev/full', 'har', 'http://upstream.test', '1', {
      log: line => lines.push(line),
    });
    har.exchange!(entry(10));
    await waitFor(() => lines.length > 0, 'the write error');
    har.exchange!(entry(10));
    await har.close();
    expect(lines).toEqual(['HAR report: /dev/full cannot be written (ENOSPC); no more entries are recorded']);
  });
});

describe('a SARIF report past its cap', () => {
  it('lists the cap of results and says how many it left out; the summary and exit status count all', async () => {
    const proxy = await startTestProxy(upstream.url, {
      validator,
      reportFormat: 'sarif',
      maxSarifResults: 3,
    });
    for (const p of plants) await call(proxy, p);
    await proxy.close();
    // Every planted violation is counted, not only those the file lists.
    const all = plants.flatMap(p => p.planted).length;
    expect(all).toBeGreaterThan(3);
    expect(proxy.report).toMatchObject({ violations: all, failures: 0 });
    const text = readFileSync(proxy.reportFile, 'utf8');
    expect(sarifErrors(text)).toEqual([]);
    const [run] = JSON.parse(text).runs;
    expect(run.results).toHaveLength(3);
    expect(run.properties.leftOut).toBe(all - 3);
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: { text: `${all - 3} more findings left out: the report lists the first 3` },
          },
        ],
      },
    ]);
    expect(proxy.report.summary()).toContain(`(${all} violations)`);
    expect(exitStatus('violation', proxy.report)).toBe(1);
  });
});
