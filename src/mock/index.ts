// The @mediagen/mock package entry: the HTTP server, the core (one request → one answer over one
// state model) and the in-process fetch, with the types written for their users. MSW handlers are
// `@mediagen/mock/msw` (msw is an optional peer); the validating proxy is `@mediagen/contract/proxy`.
export { startMockServer } from './adapters/http.ts';
export { createMockFetch } from './adapters/fetch.ts';
export { createMock } from './core.ts';
export type {
  AccountBooks,
  ControlAccess,
  Delivery,
  DeliveryAttempt,
  FaultSettings,
  Fixtures,
  FixturesInput,
  JobView,
  Latency,
  Mock,
  MockFetch,
  MockInput,
  MockOptions,
  MockOutput,
  MockServer,
  MockServerOptions,
  MockStateView,
  PayloadLimits,
  RequestContext,
  StateSizes,
} from './types.ts';
