// The @mediagen/mock/msw package entry: the mock as MSW handlers (adapters/msw.ts). msw is an
// optional peer, so it has an entry of its own, apart from the package's main one (index.ts).
export { createMockHandlers, DEFAULT_BASE_URL, type MockHandlers } from './adapters/msw.ts';
