// Waiting for a video generation: poll until it is completed or failed.
import type { components } from '../../generated/schema.ts';
import type { MediagenClient } from './client.ts';
import { isFailureCode } from './codes.ts';
import { abortedError, localError, timeoutError, type MediagenError } from './errors.ts';
import { withDefaults } from './options.ts';
import { deadline, sleep } from './retry.ts';

type Schemas = components['schemas'];

interface TaskFields {
  /** Id of the generation that failed. */
  generationId: string;
  status: number;
  requestId: string | undefined;
}

/** The generation failed after it was accepted, with a code from the catalogue: `switch (error.code)` narrows. */
export type TaskFailedError = Error & TaskFields & { kind: 'task_failed' } & Schemas['TaskError'];

/** The generation failed with a code this version does not know; `retryable` is the server's. */
export type UnknownTaskFailedError = Error &
  TaskFields &
  Omit<Schemas['TaskErrorBase'], 'code'> & { kind: 'task_failed_unknown'; code: string };

export type WaitError = MediagenError | TaskFailedError | UnknownTaskFailedError;
export type WaitResult =
  { data: Schemas['VideoGenerationCompleted']; error?: undefined } | { data?: undefined; error: WaitError };

export interface WaitOptions {
  /** Cancels the wait (and the request in flight). */
  signal?: AbortSignal;
  /** Ms between polls. Default 5000; a 429's Retry-After is waited out when it is longer. */
  interval?: number;
  /**
   * Ms to wait in all before giving up with a `timeout` error. Default 600000 (10 minutes). A wait
   * that would end past it (a long Retry-After) gives up at once instead of sleeping.
   */
  timeout?: number;
}

/**
 * Polls `GET /v2/videos/generations/{id}` until the generation is completed (`data`) or failed
 * (`error.kind === 'task_failed'`). Retryable errors (429, 5xx, network) are polled through until
 * the timeout; any other error ends the wait.
 */
export async function waitForVideo(
  client: MediagenClient,
  id: string,
  options: WaitOptions = {},
): Promise<WaitResult> {
  const { signal, interval, timeout } = withDefaults('waitForVideo', options, {
    signal: null as AbortSignal | null,
    interval: 5000,
    timeout: 600_000,
  });
  const limit = deadline(timeout, signal);
  const ends = Date.now() + timeout;
  try {
    // Each break is the limit aborting: by the timeout or by the caller's signal.
    for (;;) {
      const { data, error, response } = await client.GET('/v2/videos/generations/{id}', {
        params: { path: { id } },
        signal: limit.signal,
      });
      if (limit.signal.aborted) break;
      // With an error there is no data (its status reads undefined); with data, there is a response.
      if (error && !error.retryable) return { error };
      if (data?.status === 'completed') return { data };
      if (data?.status === 'failed') {
        // The shape was not checked (only the envelope of errors is): read it defensively. `retryable`
        // is the server's: the contract fixes it per failure code (a constant in each code's schema).
        const wire: Partial<Record<string, unknown>> = data.error ?? {};
        const code = String(wire.code);
        const failed = localError(
          isFailureCode(code) ? 'task_failed' : 'task_failed_unknown',
          String(wire.message),
          wire.retryable === true,
          { code, refunded: wire.refunded === true, generationId: data.id },
          response,
        );
        return { error: failed as TaskFailedError | UnknownTaskFailedError };
      }
      // A retryable error, pending, processing, or a status this version does not know: keep polling,
      // waiting out a 429's Retry-After when it is longer.
      const wait = Math.max(
        interval,
        ((error as { retryAfter?: number } | undefined)?.retryAfter ?? 0) * 1000,
      );
      if (Date.now() + wait > ends) return { error: timeoutError(timeout) };
      if (!(await sleep(wait, limit.signal))) break;
    }
    return { error: limit.timedOut() ? timeoutError(timeout) : abortedError() };
  } finally {
    limit.clear();
  }
}
