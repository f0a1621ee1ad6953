// Starts the validating proxy in-process on a free port of 127.0.0.1, its log kept in memory and
// its report written to a fresh temporary file, and a small upstream of the test's own.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startProxy,
  type ProxyOptions,
  type ReportRecord,
  type ValidatingProxy,
} from '../../src/proxy/index.ts';

export interface TestProxy extends ValidatingProxy {
  lines: string[];
  reportFile: string;
  /** The report file's records; read after close(), when it is flushed. */
  records(): ReportRecord[];
}

export async function startTestProxy(
  upstream: string,
  options: Partial<ProxyOptions> = {},
): Promise<TestProxy> {
  const lines: string[] = [];
  const reportFile = join(mkdtempSync(join(tmpdir(), 'mediagen-proxy-')), 'report.jsonl');
  const proxy = await startProxy({
    upstream,
    port: 0,
    host: '127.0.0.1',
    reportFile,
    log: line => lines.push(line),
    ...options,
  });
  const records = () =>
    readFileSync(reportFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map(line => JSON.parse(line) as ReportRecord);
  return Object.assign(proxy, { lines, reportFile, records });
}

export interface TestUpstream {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startUpstream(handler: RequestListener): Promise<TestUpstream> {
  const server = createServer(handler);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => {
      const closed = new Promise<void>(resolve => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}

/** Waits until `condition` holds, polling; for what a test reads from a log or a child's output. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}
