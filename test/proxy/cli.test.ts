// `mediagen-contract proxy <upstream-url>` from the command line: bad input is one clear line, and
// SIGINT prints the summary by operation and kind of violation, with the report file written, and
// exits with the verdict (--fail-on).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../src/contract/index.ts';
import { exitStatus, parseProxyArgs } from '../../src/proxy/cli.ts';
import type { ProxyReport } from '../../src/proxy/index.ts';
import { startProxy } from '../../src/proxy/index.ts';
import { startUpstream, waitFor, type TestUpstream } from './start.ts';

const root = new URL('../..', import.meta.url).pathname;

/** The CLI in a child process, its output collected as it comes. */
function runCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/contract/cli.ts', 'proxy', ...args], {
    cwd: root,
    env: { ...process.env, PORT: '' },
  });
  const out = { stdout: '', stderr: '', code: undefined as number | null | undefined };
  child.stdout.on('data', d => (out.stdout += d));
  child.stderr.on('data', d => (out.stderr += d));
  child.on('exit', code => (out.code = code));
  return { child, out };
}

// Started at once, so that its start-up overlaps the tests before it.
const badInput = runCli(['--upstream-timeout', 'soon']);

describe('proxy arguments', () => {
  it('reads the upstream and the options', () => {
    expect(
      parseProxyArgs(
        [
          'https://staging.example/api',
          '--strict',
          '--port',
          '0',
          '--report',
          'r.jsonl',
          '--upstream-timeout',
          '1500',
          '--report-format',
          'sarif',
          '--fail-on',
          'none',
        ],
        {},
      ),
    ).toEqual({
      upstream: 'https://staging.example/api',
      port: 0,
      host: '127.0.0.1',
      strict: true,
      reportFile: 'r.jsonl',
      reportFormat: 'sarif',
      upstreamTimeoutMs: 1500,
      failOn: 'none',
    });
    expect(parseProxyArgs(['http://localhost:8080'], { PORT: '5000' })).toMatchObject({
      port: 5000,
      strict: false,
      failOn: 'violation',
    });
  });

  it('exits 1 on shutdown after a violation or an upstream failure, unless --fail-on none', () => {
    const seen = (violations: number, failures: number) => ({ violations, failures }) as ProxyReport;
    expect(exitStatus('violation', seen(0, 0))).toBe(0);
    expect(exitStatus('violation', seen(2, 0))).toBe(1);
    expect(exitStatus('violation', seen(0, 1))).toBe(1);
    expect(exitStatus('none', seen(2, 1))).toBe(0);
  });

  it('names the problem with bad input', () => {
    expect(() => parseProxyArgs([], {})).toThrow('the upstream URL is missing');
    expect(() => parseProxyArgs(['http://a', 'http://b'], {})).toThrow(
      'one upstream URL expected, got 2: http://a http://b',
    );
    expect(() => parseProxyArgs(['http://a', '--upstream-timeout', '0'], {})).toThrow(
      "--upstream-timeout must be a positive integer of ms up to 2147483647, got '0'",
    );
    expect(() => parseProxyArgs(['http://a', '--port', 'x'], {})).toThrow(
      "--port must be a port from 0 to 65535, got 'x'",
    );
    expect(() => parseProxyArgs(['http://a', '--nope'], {})).toThrow(/Unknown option '--nope'/);
    expect(() => parseProxyArgs(['http://a', '--report', 'r', '--report-format', 'xml'], {})).toThrow(
      "--report-format must be one of jsonl, sarif, har, got 'xml'",
    );
    expect(() => parseProxyArgs(['http://a', '--report-format', 'har'], {})).toThrow(
      '--report-format needs --report FILE',
    );
    expect(() => parseProxyArgs(['http://a', '--fail-on', 'sometimes'], {})).toThrow(
      "--fail-on must be one of violation, none, got 'sometimes'",
    );
  });

  it('rejects an upstream that is not an http(s) URL, a report file it cannot write and a port in use', async () => {
    await expect(startProxy({ upstream: 'ftp://files.example', port: 0 })).rejects.toThrow(
      "the upstream must be an http:// or https:// URL, got 'ftp://files.example'",
    );
    await expect(startProxy({ upstream: 'staging', port: 0 })).rejects.toThrow(
      "the upstream must be an http:// or https:// URL, got 'staging'",
    );
    await expect(
      startProxy({ upstream: 'http://127.0.0.1:1', port: 0, reportFile: '/nonexistent/dir/report.jsonl' }),
    ).rejects.toThrow(/ENOENT/);
    const first = await startProxy({ upstream: 'http://127.0.0.1:1', port: 0, log: () => {} });
    await expect(
      startProxy({ upstream: 'http://127.0.0.1:1', port: first.port, log: () => {} }),
    ).rejects.toThrow(/EADDRINUSE/);
    await first.close();
  });

  it('exits 2 with one line and the usage, without a stack trace', async () => {
    const { out } = badInput;
    await waitFor(() => out.code !== undefined, 'the CLI to exit');
    expect(out.code).toBe(2);
    expect(out.stderr.split('\n')[0]).toBe('mediagen-contract proxy: the upstream URL is missing');
    expect(out.stderr).toContain('Usage: mediagen-contract proxy <upstream-url> [options]');
    expect(out.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe('the proxy CLI', () => {
  let upstream: TestUpstream;
  beforeAll(async () => {
    upstream = await startUpstream((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_cli' });
      res.end('{}');
    });
  });
  afterAll(() => upstream.close());

  it('prints the summary on SIGINT, leaves the report behind, and exits 1 for the violations it saw', async () => {
    const report = join(mkdtempSync(join(tmpdir(), 'mediagen-proxy-cli-')), 'report.jsonl');
    const { child, out } = runCli([upstream.url, '--port', '0', '--report', report]);
    await waitFor(
      () => /listening on (http:\S+)/.test(out.stdout) || out.code !== undefined,
      'the proxy to listen',
      30_000,
    );
    const url = /listening on (http:\S+)/.exec(out.stdout)![1]!;
    expect(out.stdout).toContain(`-> ${upstream.url} (observe`);
    const res = await send(url, {
      method: 'GET',
      path: '/v2/billing/balance',
      headers: { authorization: 'Bearer mg_test_cli' },
    });
    expect([res.status, res.text]).toEqual([200, '{}']);
    await waitFor(() => out.stdout.includes('req_cli ✗'), 'the violation lines');
    child.kill('SIGINT');
    await waitFor(() => out.code !== undefined, 'the proxy to exit');
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(
      'SIGINT: stopping\nProxy summary: 1 response checked, 1 broke the contract (2 violations), 0 upstream failures, 0 requests outside the contract',
    );
    expect(out.stdout).toMatch(/\n  getBalance +schema +2\n/);
    const records = readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .map(line => JSON.parse(line));
    expect(records.map(r => [r.operation, r.requestId, r.where])).toEqual([
      ['getBalance', 'req_cli', 'body'],
      ['getBalance', 'req_cli', 'body'],
    ]);
  });
});
