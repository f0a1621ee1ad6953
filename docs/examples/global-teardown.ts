// jest's `globalTeardown`: closes the mock that global-setup.ts started (vitest needs no such file).
import type { MockServer } from '@mediagen/mock';

export default async function teardown(): Promise<void> {
  await (globalThis as { mediagenMock?: MockServer }).mediagenMock?.close();
}
