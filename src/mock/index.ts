// The @mediagen/mock package's entry: the HTTP server, the core (one Request → Response over one
// state model) and the in-process fetch. MSW handlers are `@mediagen/mock/msw` (msw is an optional
// peer); the validating proxy is `@mediagen/contract/proxy`.
export { startMockServer, type MockServer } from './server.ts';
export { createMock, type Mock, type MockOptions, type RequestContext } from './core.ts';
export { createMockFetch, type MockFetch } from './fetch.ts';
