// The generated types let a caller narrow on `error.code` and get that code's fields. This file and
// generated/schema.ts are type-checked by `npm run typecheck` (strict); the runtime half runs the
// same narrowing over the contract's own examples.
import { expect, test } from 'vitest';
import type { ErrorCode, FailureCode } from '../../generated/catalogue.ts';
import type { components, paths } from '../../generated/schema.ts';
import { apiOperations, responseOf } from './bundle.ts';

type ApiError = components['schemas']['ApiError'];
type TaskError = components['schemas']['TaskError'];

/** What to tell a user, per code; `never` in the default makes the switch exhaustive. */
function explain(error: ApiError): string {
  switch (error.code) {
    case 'quota_exceeded':
      return `needs ${error.required} ${error.currency}, has ${error.available}`;
    case 'concurrency_limit':
      return `${error.current} of ${error.limit} generations running`;
    case 'invalid_api_key':
      return `key ${error.reason}`;
    case 'not_found':
      return `${error.resource} not found`;
    case 'payload_too_large':
      return `over ${error.max_bytes} bytes`;
    case 'parameter_missing':
    case 'invalid_parameter':
    case 'invalid_type':
    case 'content_policy_violation':
    case 'model_access_denied':
    case 'generation_forbidden':
      return `check ${error.param}`;
    case 'invalid_json':
    case 'unsupported_media_type':
    case 'api_access_disabled':
    case 'ip_not_allowed':
    case 'idempotency_key_reused':
    case 'rate_limit':
    case 'server_error':
    case 'bad_gateway':
    case 'service_unavailable':
    case 'gateway_timeout':
      return error.type;
    default: {
      const unhandled: never = error;
      return unhandled;
    }
  }
}

function failure(error: TaskError): 'retry' | 'change the request' {
  if (error.code === 'timeout') {
    const retryable: true = error.retryable; // narrowed to the constant
    return retryable ? 'retry' : 'change the request';
  }
  return error.retryable ? 'retry' : 'change the request';
}

// Type-level checks: each line fails `tsc` if the generated types stop narrowing.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const checks: [
  Equal<ApiError['code'], ErrorCode>,
  Equal<TaskError['code'], FailureCode>,
  Equal<Extract<ApiError, { code: 'quota_exceeded' }>['type'], 'billing_error'>,
  Equal<
    paths['/v2/images/generations']['post']['responses'][402]['content']['application/json']['error']['code'],
    'quota_exceeded'
  >,
  Equal<
    paths['/v2/videos/generations']['post']['responses'][429]['content']['application/json']['error']['code'],
    'rate_limit' | 'concurrency_limit'
  >,
  Equal<
    components['schemas']['VideoGeneration']['status'],
    'pending' | 'processing' | 'completed' | 'failed'
  >,
] = [true, true, true, true, true, true];

function notNarrowed(error: ApiError) {
  // @ts-expect-error `required` exists only once `code` is narrowed to quota_exceeded.
  return error.required;
}

test('type-level checks are present', () => {
  expect(checks.every(Boolean)).toBe(true);
  expect(notNarrowed).toBeTypeOf('function');
});

test('narrowing reads the typed fields of every error example in the contract', () => {
  const errors = apiOperations
    .flatMap(op => op.responses.flatMap(r => r.examples))
    .map(e => e.value.error as ApiError | undefined);
  const explained = new Map(errors.filter(e => e !== undefined).map(e => [e.code, explain(e)]));
  expect(explained.get('quota_exceeded')).toBe('needs 0.5 USD, has 0.12');
  expect(explained.get('concurrency_limit')).toBe('3 of 3 generations running');
  expect(explained.get('payload_too_large')).toMatch(/^over \d+ bytes$/);
  expect(explained.get('rate_limit')).toBe('rate_limit_error');
});

test('narrowing a failed generation', () => {
  const polled = responseOf('getVideoGeneration', 200)!;
  const advice = Object.fromEntries(
    polled.examples
      .filter(e => e.value.status === 'failed')
      .map(e => [e.value.error.code, failure(e.value.error)]),
  );
  expect(advice).toMatchObject({
    timeout: 'retry',
    face_detected: 'change the request',
    output_rejected: 'change the request',
  });
});
