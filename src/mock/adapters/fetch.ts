// The mock in-process, with no port: a `fetch` to pass as the client's `fetch` in a unit test. It
// turns a Request into the core's plain values and the answer back into a Response, so that it
// answers from the same core (and the same state) as the HTTP server; a transport fault the core
// injects (a cut or stalled connection) rejects as a real fetch would, with a TypeError.
import { createMock } from '../core.ts';
import { checkMockOptions } from '../option-table.ts';
import type { Mock, MockFetch, MockOptions } from '../types.ts';

/**
 * An existing core (to share its state with a server or MSW), or the options of a new one, checked
 * here under `where`, at once: not at the first request, when the core is awaited.
 */
export function coreOf(source: MockOptions | Mock, where: string): Promise<Mock> {
  if (typeof source === 'object' && source !== null && 'handle' in source) return Promise.resolve(source);
  checkMockOptions(where, source);
  return createMock(source);
}

/** A fetch answered by the mock, with no port; `close()` stops its jobs and webhook sender. */
export function createMockFetch(source: MockOptions | Mock = {}): MockFetch {
  const ready = coreOf(source, 'createMockFetch');
  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const mock = await ready;
    const response = await mock.handle(new Request(input, init));
    if (response.type === 'error')
      throw new TypeError('fetch failed', {
        cause: new Error('connection closed by the mock (injected fault)'),
      });
    return response;
  };
  return Object.assign(mockFetch, { ready, close: async () => (await ready).close() });
}
