// What every call resolves to: the data, or an error as a value (a call rejects only on a bad option).
import type { MediagenError } from './errors.ts';

export type Result<T> =
  | { data: T; error?: undefined; response: Response }
  | { data?: undefined; error: MediagenError; response: Response | undefined };
