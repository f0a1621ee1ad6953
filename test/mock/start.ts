// Starts the mock in-process on a free port of 127.0.0.1, its log kept in memory for assertions.
import { startMockServer, type MockServer, type MockServerOptions } from '../../src/mock/index.ts';

export interface TestMock extends MockServer {
  lines: string[];
}

export async function startTestMock(options: MockServerOptions = {}): Promise<TestMock> {
  const lines: string[] = [];
  const server = await startMockServer({
    port: 0,
    host: '127.0.0.1',
    log: line => lines.push(line),
    ...options,
  });
  return Object.assign(server, { lines });
}
