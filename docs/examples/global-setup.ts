// One mock for the whole test run: vitest's `globalSetup` (it calls the returned teardown) and
// jest's `globalSetup` (jest ignores the return value; its `globalTeardown` closes the mock).
import { startMockServer } from '@mediagen/mock';

export default async function setup(): Promise<() => Promise<void>> {
  const mock = await startMockServer({ port: 0 }); // a free port: parallel runs never collide
  process.env.MEDIAGEN_BASE_URL = mock.url; // test workers start after this and inherit it
  Object.assign(globalThis, { mediagenMock: mock });
  return () => mock.close();
}
