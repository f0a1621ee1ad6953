// Type-level tests, checked by `npm run typecheck` (tsc --noEmit over src and test): narrowing by
// code, exhaustive switches, calls typed by path and method. The runtime part feeds every example.
import { expect, expectTypeOf, it } from 'vitest';
import spec from '../../generated/openapi.json' with { type: 'json' };
import {
  errorCatalogue,
  failureCatalogue,
  type ErrorCode,
  type FailureCode,
} from '../../generated/catalogue.ts';
import type { components } from '../../generated/schema.ts';
import {
  createClient,
  type ApiError,
  type MediagenError,
  type TaskFailedError,
  type WaitError,
} from '../../src/client/index.ts';

/** Exhaustive over the catalogue: a new code makes `never` fail to compile until it is handled. */
export function describeApiError(error: ApiError): string {
  switch (error.code) {
    case 'quota_exceeded':
      expectTypeOf(error.required).toEqualTypeOf<number>();
      return `needs ${error.required} ${error.currency}, has ${error.available}`;
    case 'concurrency_limit':
      return `${error.current} of ${error.limit} running`;
    case 'invalid_api_key':
      expectTypeOf(error.reason).toEqualTypeOf<
        'missing' | 'malformed' | 'revoked' | 'expired' | 'inactive'
      >();
      return `key ${error.reason}`;
    case 'not_found':
      return `no such ${error.resource}`;
    case 'payload_too_large':
      return `over ${error.max_bytes} bytes`;
    case 'rate_limit':
      // @ts-expect-error `required` belongs to quota_exceeded only
      void error.required;
      expectTypeOf(error.type).toEqualTypeOf<'rate_limit_error'>();
      return `retry in ${error.retryAfter} s`;
    case 'invalid_json':
    case 'invalid_parameter':
    case 'invalid_type':
    case 'parameter_missing':
    case 'api_access_disabled':
    case 'generation_forbidden':
    case 'ip_not_allowed':
    case 'model_access_denied':
    case 'idempotency_key_reused':
    case 'unsupported_media_type':
    case 'content_policy_violation':
    case 'server_error':
    case 'bad_gateway':
    case 'service_unavailable':
    case 'gateway_timeout':
      return error.code;
    default: {
      const unhandled: never = error;
      return unhandled;
    }
  }
}

/** Exhaustive over every kind a wait can end with. */
export function describeWaitError(error: WaitError): string {
  switch (error.kind) {
    case 'api':
      return describeApiError(error);
    case 'api_unknown':
      expectTypeOf(error.code).toEqualTypeOf<string>();
      return `${error.status} ${error.code}`;
    case 'task_failed':
      return describeTaskError(error);
    case 'task_failed_unknown':
    case 'invalid_response':
    case 'connection':
    case 'timeout':
    case 'aborted':
      return error.kind;
    default: {
      const unhandled: never = error;
      return unhandled;
    }
  }
}

export function describeTaskError(error: TaskFailedError): string {
  switch (error.code) {
    case 'generation_failed':
    case 'model_unavailable':
    case 'server_error':
    case 'timeout':
      expectTypeOf(error.retryable).toEqualTypeOf<true>();
      return `${error.code}, retry`;
    case 'face_detected':
    case 'file_too_large':
    case 'input_audio_rejected':
    case 'input_image_rejected':
    case 'input_video_rejected':
    case 'invalid_image_url':
    case 'media_too_long':
    case 'output_rejected':
    case 'prompt_rejected':
    case 'unsupported_format':
      expectTypeOf(error.retryable).toEqualTypeOf<false>();
      return `${error.code}, change the request`;
    default: {
      const unhandled: never = error;
      return unhandled;
    }
  }
}

it('the code unions are exactly the catalogue', () => {
  expectTypeOf<ApiError['code']>().toEqualTypeOf<ErrorCode>();
  expectTypeOf<TaskFailedError['code']>().toEqualTypeOf<FailureCode>();
  expectTypeOf<MediagenError['retryable']>().toEqualTypeOf<boolean>();
  expectTypeOf<MediagenError['requestId']>().toEqualTypeOf<string | undefined>();
});

it('calls are typed by path and method', () => {
  const client = createClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9' });
  // Type-only: the functions are never called.
  const calls = () => {
    expectTypeOf(client.GET('/v2/billing/balance'))
      .resolves.toHaveProperty('data')
      .toEqualTypeOf<components['schemas']['Balance'] | undefined>();
    expectTypeOf(client.GET('/v2/videos/generations/{id}', { params: { path: { id: 'x' } } }))
      .resolves.toHaveProperty('data')
      .toEqualTypeOf<components['schemas']['VideoGeneration'] | undefined>();
    expectTypeOf(client.POST('/v2/videos/generations', { body: { model: 'm', prompt: 'p' } }))
      .resolves.toHaveProperty('data')
      .toEqualTypeOf<components['schemas']['VideoGenerationCreated'] | undefined>();
    void client.GET('/v2/models', { params: { query: { type: 'video' } }, timeout: 1000, maxRetries: 0 });
    // @ts-expect-error no such path
    void client.GET('/v2/nope');
    // @ts-expect-error the balance is read with GET, not POST
    void client.POST('/v2/billing/balance');
    // @ts-expect-error the path parameter is required
    void client.GET('/v2/videos/generations/{id}');
    // @ts-expect-error the body is required
    void client.POST('/v2/images/generations');
    // @ts-expect-error `type` is image or video
    void client.GET('/v2/models', { params: { query: { type: 'audio' } } });
  };
  expect(typeof calls).toBe('function');
});

it('the exhaustive switches handle every code of the catalogue at runtime', () => {
  for (const code of Object.keys(errorCatalogue) as ErrorCode[]) {
    expect(describeApiError({ code, retryAfter: 3, reason: 'revoked' } as ApiError)).toMatch(/\S/);
  }
  for (const code of Object.keys(failureCatalogue) as FailureCode[]) {
    expect(describeTaskError({ code } as TaskFailedError)).toBe(
      `${code}, ${failureCatalogue[code].retryable ? 'retry' : 'change the request'}`,
    );
  }
  expect(Object.keys(spec.components.examples).length).toBeGreaterThan(0);
});
