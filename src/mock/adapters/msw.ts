// The mock as MSW 2.x request handlers (msw/node `setupServer`, or a browser worker), for test
// suites that already use MSW: every request to `baseUrl` is answered by the same core as the HTTP
// server and createMockFetch. MSW is an optional peer: only this module imports it.
import { http, type HttpHandler } from 'msw';
import type { Mock, MockOptions } from '../types.ts';
import { checkOptions } from '../../kernel/options.ts';
import { coreOf } from './fetch.ts';

export const DEFAULT_BASE_URL = 'https://api.mediagen.example';

export interface MockHandlers {
  handlers: HttpHandler[];
  ready: Promise<Mock>;
  close(): Promise<void>;
}

/** MSW handlers for every request to `baseUrl`, answered by the mock. */
export function createMockHandlers(
  source: MockOptions | Mock = {},
  baseUrl = DEFAULT_BASE_URL,
): MockHandlers {
  checkOptions('createMockHandlers', { baseUrl }, { baseUrl: 'string' });
  const ready = coreOf(source, 'createMockHandlers');
  // A Response.error() from the core is MSW's own way to answer with a network error.
  const handler = http.all(`${baseUrl.replace(/\/$/, '')}/*`, async ({ request }) =>
    (await ready).handle(request),
  );
  return { handlers: [handler], ready, close: async () => (await ready).close() };
}
