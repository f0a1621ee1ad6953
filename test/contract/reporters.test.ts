// `mediagen-contract test` for a CI: each reporter's output read back as a CI reads it (JUnit parsed
// and its failures counted, SARIF validated against the SARIF 2.1.0 schema, JSON parsed), against the
// broken server and against one whose answers are huge, drip, or echo the key; every exit status.
import { mkdtempSync, readFileSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCommand, type Io } from '../../src/contract/test-cli.ts';
import { startBrokenServer } from './broken-server.ts';
import { readJunit, sarifErrors } from './report-formats.ts';
import { startTestMock } from '../mock/start.ts';
import { startUpstream, type TestUpstream } from '../proxy/start.ts';

const dir = mkdtempSync(join(tmpdir(), 'mediagen-reporters-'));
const KEY = 'mg_live_Reporter7Key';

/** The command in-process, its output kept. */
async function run(args: string[], tty = false) {
  const io = { stdout: '', stderr: '' };
  const sink: Io = { out: t => void (io.stdout += t), err: t => void (io.stderr += t), tty };
  const code = await testCommand(['test', ...args], sink, {});
  return { code, ...io };
}

/** Each machine format to a file of its own: the exit status, stdout, and the file's text. */
async function everyReporter(url: string, args: string[] = []) {
  const formats = ['json', 'junit', 'sarif'] as const;
  const runs = await Promise.all(
    formats.map(async format => {
      const output = join(dir, `${format}-${Math.random().toString(36).slice(2)}`);
      const result = await run([url, '--key', KEY, '--reporter', format, '--output', output, ...args]);
      return [format, { ...result, report: readFileSync(output, 'utf8') }] as const;
    }),
  );
  return Object.fromEntries(runs) as Record<
    (typeof formats)[number],
    Awaited<ReturnType<typeof run>> & { report: string }
  >;
}

const servers: TestUpstream[] = [];
async function serve(handler: RequestListener): Promise<string> {
  const server = await startUpstream(handler);
  servers.push(server);
  return server.url;
}

let broken: Awaited<ReturnType<typeof startBrokenServer>>;
beforeAll(async () => {
  broken = await startBrokenServer();
});
afterAll(async () => {
  await broken.close();
  await Promise.all(servers.map(server => server.close()));
});

describe('each reporter against the broken server', () => {
  let reports: Awaited<ReturnType<typeof everyReporter>>;
  beforeAll(async () => {
    reports = await everyReporter(broken.url);
  });

  it('exits 1 and prints a one-line summary naming the file', () => {
    for (const { code, stdout } of Object.values(reports)) {
      expect(code).toBe(1);
      expect(stdout).toMatch(
        /^mediagen-contract test http:\/\/127\.0\.0\.1:\d+: 0\/18 conform, \d+ skipped\. Report: /,
      );
      expect(stdout.trim().split('\n')).toHaveLength(1);
    }
  });

  it('JUnit: one testcase per scenario, a failure for each of the 18, the violation text in it', () => {
    const junit = readJunit(reports.junit.report);
    const skipped = junit.cases.filter(c => c.skipped).length;
    expect(junit.cases.length - skipped).toBe(18);
    expect(junit.cases.filter(c => c.failure)).toHaveLength(18);
    expect(junit).toMatchObject({ tests: junit.cases.length, failures: 18, skipped });
    const balance = junit.cases.find(c => c.name === 'getBalance: valid')!;
    expect(balance.classname).toBe('getBalance');
    expect(balance.failure!.type).toBe('missing header X-Request-Id');
    expect(balance.failure!.text).toContain('header X-Request-Id: required header is missing');
  });

  it('SARIF: valid against the 2.1.0 schema, one rule per kind, results located in the contract', () => {
    expect(sarifErrors(reports.sarif.report)).toEqual([]);
    const run = JSON.parse(reports.sarif.report).runs[0];
    const json = JSON.parse(reports.json.report);
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['missing-header-x-request-id', 'undeclared-status', 'schema']),
    );
    expect(run.results).toHaveLength(json.summary.violations);
    const status = run.results.find((r: { ruleId: string }) => r.ruleId === 'undeclared-status');
    expect(status.locations[0].physicalLocation.artifactLocation.uri).toBe('generated/openapi.json');
    expect(status.locations[0].logicalLocations[0]).toMatchObject({
      name: 'listModels',
      fullyQualifiedName: '#/paths/~1v2~1models/get',
    });
    const spec = readFileSync('generated/openapi.json', 'utf8').split('\n');
    expect(spec[status.locations[0].physicalLocation.region.startLine - 1]).toContain(
      '"operationId": "listModels"',
    );
  });

  it('JSON: every case with its findings and the counts', () => {
    const json = JSON.parse(reports.json.report);
    expect(json.summary).toMatchObject({ failed: 18 });
    const kinds = (name: string) =>
      json.cases.find((c: { name: string }) => c.name === name).findings.map((f: { kind: string }) => f.kind);
    // The scenario's own expectation is a kind apart from the contract's undeclared status.
    expect(kinds('createVideoGeneration: text/plain body')).toContain(
      'status other than the scenario expects',
    );
    expect(kinds('listModels: unknown type')).toContain('undeclared status');
    expect(json.cases.find((c: { name: string }) => c.name === 'getBalance: valid').findings).toEqual([
      {
        kind: 'missing header X-Request-Id',
        where: 'header X-Request-Id',
        message: 'required header is missing',
      },
    ]);
  });
});

/** The contract's 401 to the probe; otherwise an answer 50 MB long, one that drips, one that echoes the key. */
const hostile: RequestListener = (req, res) => {
  req.resume();
  const auth = req.headers.authorization;
  if (!auth) {
    res.writeHead(401, { 'content-type': 'application/json', 'x-request-id': 'req_probe' });
    return res.end('{}');
  }
  if (req.url === '/v2/billing/balance') {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
    };
    res.on('drain', pump);
    return pump();
  }
  if (req.url?.startsWith('/v2/models')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    const timer = setInterval(() => res.write(' '), 50);
    return res.on('close', () => clearInterval(timer));
  }
  res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': `${auth} ${KEY.slice(4)}` });
  res.end(JSON.stringify({ echo: auth }));
};

describe('each reporter against a server whose answers are huge, drip or echo the key', () => {
  let reports: Awaited<ReturnType<typeof everyReporter>>;
  beforeAll(async () => {
    const url = await serve(hostile);
    reports = await everyReporter(url, ['--timeout', '400', '--max-answer-bytes', '65536']);
  });

  it('reports the huge and the dripping answer as violations, in every format', () => {
    for (const { code, report } of Object.values(reports)) {
      expect(code).toBe(1);
      expect(report).toContain('no answer: answer over 65536 bytes');
      expect(report).toContain('no answer: no answer within 400 ms');
    }
    expect(sarifErrors(reports.sarif.report)).toEqual([]);
    const failures = readJunit(reports.junit.report).cases.filter(c => c.failure);
    expect(failures.find(c => c.name === 'getBalance: valid')!.failure!.type).toBe('no answer');
  });

  it('never writes the key, in any format, and each stays readable', () => {
    for (const { report } of Object.values(reports)) {
      expect(report).toContain('[redacted]');
      expect(report.toLowerCase()).not.toContain('ter7key');
    }
    expect(JSON.parse(reports.json.report).summary.failed).toBeGreaterThan(0);
    expect(readJunit(reports.junit.report).failures).toBeGreaterThan(0);
  });
});

describe('exit statuses', () => {
  it('0 when every scenario conforms (the mock), with a progress line on a terminal only', async () => {
    const mock = await startTestMock();
    try {
      const [onTty, inPipe] = await Promise.all([
        run([mock.url, '--key', 'mg_test', '--forced'], true),
        run([mock.url, '--key', 'mg_test']),
      ]);
      expect([onTty.code, inPipe.code]).toEqual([0, 0]);
      expect(onTty.stdout).toMatch(/scenarios conform\./);
      expect(onTty.stderr).toMatch(/\r\x1b\[K\[ *\d+\/\d+\] \S/);
      expect(inPipe.stderr).toBe('');
    } finally {
      await mock.close();
    }
  });

  it('2 on bad input, naming the option', async () => {
    const bad = await Promise.all([
      run([broken.url, '--key', 'k', '--reporter', 'xml']),
      run([broken.url, '--key', 'k', '--output', join(dir, 'no/such/dir/report.xml')]),
    ]);
    expect(bad.map(b => b.code)).toEqual([2, 2]);
    expect(bad[0]!.stderr).toContain("--reporter must be one of pretty, json, junit, sarif, got 'xml'");
    expect(bad[1]!.stderr).toContain('report.xml cannot be written (ENOENT)');
  });

  it('3 when nothing answers, or what answers is not this API', async () => {
    const closed = await serve(() => {});
    await servers.pop()!.close();
    const notApi = await serve((req, res) => {
      req.resume();
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not Found</h1>');
    });
    const [gone, other] = await Promise.all([run([closed, '--key', KEY]), run([notApi, '--key', KEY])]);
    expect([gone.code, other.code]).toEqual([3, 3]);
    expect(gone.stderr).toMatch(/is unreachable: GET \/v2\/models got no answer \(.*ECONNREFUSED/);
    expect(other.stderr).toContain('does not look like this API: GET /v2/models without a key answered 404');
  });
});
