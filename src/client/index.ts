// The browser-safe entry: no Node import. Webhook verification is in ./webhooks.ts.
export { createClient } from './client.ts';
export type { CallOptions, ClientOptions, MediagenClient, Result } from './client.ts';
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
