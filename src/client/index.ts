// The browser-safe entry: no Node import. Webhook verification is in ./webhooks.ts.
export { createClient } from './client.ts';
export type { CallOptions, ClientOptions, MediagenClient } from './client.ts';
export type { Result } from './result.ts';
export { waitForVideo } from './poll.ts';
export type { TaskFailedError, UnknownTaskFailedError, WaitError, WaitOptions, WaitResult } from './poll.ts';
export type {
  AbortedError,
  ApiError,
  ConnectionError,
  InvalidResponseError,
  MediagenError,
  TimeoutError,
  UnknownApiError,
} from './errors.ts';
export { defaultRetryPolicy, type RetryPolicy } from './retry.ts';
