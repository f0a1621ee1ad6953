// The situations the API answers, row by row (the table below is the contract's list of them, in
// plain words; openapi/description.md gives the rules they follow): each situation is declared on
// every operation where it can happen, with a named example that shows it (the examples themselves
// are validated in examples.test.ts).
import { describe, expect, test } from 'vitest';
import {
  apiOperations,
  operation,
  operations,
  resolve,
  responseOf,
  routeNotFound,
  spec,
  type Example,
  type Node,
} from './bundle.ts';

const POSTS = ['generateImage', 'createVideoGeneration'];
const ALL = apiOperations.map(op => op.operationId);
const err = (e: Example) => e.value.error ?? {};

interface Row {
  status: number;
  situation: string;
  operations: string[];
  /** Each predicate needs a named example of its own under that status. */
  shows: ((e: Example) => boolean)[];
  headers?: string[];
}

/** Each situation: the status it is answered with, on which operations, and what an example must show. */
const SITUATIONS: Row[] = [
  {
    status: 400,
    situation: 'a required parameter is missing (param names it)',
    operations: POSTS,
    shows: [e => err(e).code === 'parameter_missing' && err(e).param === 'prompt'],
  },
  {
    status: 400,
    situation: 'a parameter value is not supported for the chosen model (resolution 4K for seedream-5-lite)',
    operations: POSTS,
    shows: [
      e =>
        err(e).code === 'invalid_parameter' &&
        err(e).param === 'resolution' &&
        /4K.*seedream-5-lite/.test(err(e).message),
    ],
  },
  {
    status: 400,
    situation: 'the body is not valid JSON, or a field has the wrong type',
    operations: POSTS,
    shows: [
      e => err(e).code === 'invalid_json',
      e => err(e).code === 'invalid_type' && err(e).param !== null,
    ],
  },
  {
    status: 401,
    situation: 'API key missing, malformed, revoked, expired or inactive',
    operations: ALL,
    shows: ['missing', 'malformed', 'revoked', 'expired', 'inactive'].map(
      reason => (e: Example) => err(e).code === 'invalid_api_key' && err(e).reason === reason,
    ),
  },
  {
    status: 402,
    situation: 'not enough credits or quota: required vs available',
    operations: POSTS,
    shows: [e => err(e).code === 'quota_exceeded' && err(e).required > err(e).available],
  },
  {
    status: 403,
    situation: 'API access not enabled for the account',
    operations: ALL,
    shows: [e => err(e).code === 'api_access_disabled'],
  },
  {
    status: 403,
    situation: 'key lacks access to the model',
    operations: POSTS,
    shows: [e => err(e).code === 'model_access_denied' && err(e).param === 'model'],
  },
  {
    status: 403,
    situation: 'key restricted by IP',
    operations: ALL,
    shows: [e => err(e).code === 'ip_not_allowed'],
  },
  {
    status: 403,
    situation: 'a generation that belongs to another account',
    operations: ['getVideoGeneration'],
    shows: [e => err(e).code === 'generation_forbidden'],
  },
  {
    status: 404,
    situation: 'unknown generation id',
    operations: ['getVideoGeneration'],
    shows: [e => err(e).code === 'not_found' && err(e).resource === 'generation'],
  },
  {
    status: 404,
    situation: 'unknown model',
    operations: POSTS,
    shows: [e => err(e).code === 'not_found' && err(e).resource === 'model'],
  },
  {
    status: 409,
    situation: 'an idempotency key reused with a different body',
    operations: POSTS,
    shows: [e => err(e).code === 'idempotency_key_reused'],
  },
  {
    status: 422,
    situation: 'the prompt or a reference image fails content checks at submission',
    operations: POSTS,
    shows: [
      e => err(e).code === 'content_policy_violation' && err(e).param === 'prompt',
      e => err(e).code === 'content_policy_violation' && /^images\[\d+\]/.test(err(e).param),
    ],
  },
  {
    status: 429,
    situation: 'requests per minute exceeded: Retry-After and X-RateLimit-*',
    operations: ALL,
    shows: [e => err(e).code === 'rate_limit'],
    headers: ['Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
  },
  {
    status: 429,
    situation: 'too many generations in progress: limit and current count',
    operations: POSTS,
    shows: [e => err(e).code === 'concurrency_limit' && err(e).current >= err(e).limit],
    headers: ['Retry-After'],
  },
  {
    status: 500,
    situation: 'unexpected server error; retryable',
    operations: ALL,
    shows: [e => err(e).code === 'server_error'],
  },
  {
    status: 502,
    situation: 'bad gateway; retryable',
    operations: ALL,
    shows: [e => err(e).code === 'bad_gateway'],
  },
  {
    status: 503,
    situation: 'upstream model or service unavailable; retryable, Retry-After',
    operations: ALL,
    shows: [e => err(e).code === 'service_unavailable'],
    headers: ['Retry-After'],
  },
  {
    status: 504,
    situation: 'gateway timeout; retryable',
    operations: ALL,
    shows: [e => err(e).code === 'gateway_timeout'],
  },
];

const cases = SITUATIONS.flatMap(row =>
  row.operations.map(id => [`${row.status} ${row.situation} — ${operation(id).name}`, row, id] as const),
);

describe('every situation, on every operation where it can happen', () => {
  test.each(cases)('%s', (_, row, id) => {
    const response = responseOf(id, row.status);
    expect(response, `${id} declares ${row.status}`).toBeDefined();
    for (const [i, shows] of row.shows.entries()) {
      expect(
        response!.examples.filter(shows).map(e => e.exampleName),
        `example ${i + 1} of the row`,
      ).not.toEqual([]);
    }
    for (const header of ['X-Request-Id', ...(row.headers ?? [])])
      expect(response!.headers).toContain(header);
  });

  test('404 unknown path: the answer to any request outside the operations', () => {
    const { examples, headers } = routeNotFound;
    expect(
      examples.map(e => err(e)).filter(e => e.code === 'not_found' && e.resource === 'route'),
    ).toHaveLength(1);
    expect(headers).toContain('X-Request-Id');
  });
});

describe('a video generation that fails after it was accepted', () => {
  const FAILURES: [string, string][] = [
    ['input rejected by moderation: prompt', 'prompt_rejected'],
    ['input rejected by moderation: image', 'input_image_rejected'],
    ['input rejected by moderation: video', 'input_video_rejected'],
    ['input rejected by moderation: audio', 'input_audio_rejected'],
    ['output rejected by moderation', 'output_rejected'],
    ['a face detected in the input', 'face_detected'],
    ['a reference URL that cannot be fetched', 'invalid_image_url'],
    ['a file too large', 'file_too_large'],
    ['an unsupported format', 'unsupported_format'],
    ['media too long (15 s max)', 'media_too_long'],
    ['model unavailable', 'model_unavailable'],
    ['generation failed', 'generation_failed'],
    ['generation timed out (including an upstream provider timeout)', 'timeout'],
    ['a server error', 'server_error'],
  ];
  const polled = responseOf('getVideoGeneration', 200)!;

  test.each(FAILURES)(
    '%s (%s): polling shows status failed with code, message, retryable and refunded',
    (_, code) => {
      const shown = polled.examples.filter(e => e.value.status === 'failed' && e.value.error.code === code);
      expect(shown).toHaveLength(1);
      expect(Object.keys(shown[0]!.value.error).sort()).toEqual(['code', 'message', 'refunded', 'retryable']);
    },
  );

  test('the webhook carries the same generation object and error object as polling', () => {
    const failed = resolve(
      operation('videoGenerationFailedWebhook').node.requestBody.content['application/json'].schema,
    );
    const completed = resolve(
      operation('videoGenerationCompletedWebhook').node.requestBody.content['application/json'].schema,
    );
    expect(failed.properties.data.$ref).toBe('#/components/schemas/VideoGenerationFailed');
    expect(completed.properties.data.$ref).toBe('#/components/schemas/VideoGenerationCompleted');
    const union = resolve(polled.node.content['application/json'].schema);
    expect(union.oneOf.map((m: { $ref: string }) => m.$ref)).toContain(
      '#/components/schemas/VideoGenerationFailed',
    );
  });
});

describe('the resource layout: each operation at its method and path, with its success status', () => {
  test.each([
    ['generateImage', 'POST /v2/images/generations', '200'],
    ['createVideoGeneration', 'POST /v2/videos/generations', '202'],
    ['getVideoGeneration', 'GET /v2/videos/generations/{id}', '200'],
    ['listModels', 'GET /v2/models', '200'],
    ['getBalance', 'GET /v2/billing/balance', '200'],
  ])('%s is %s answering %s', (id, name, success) => {
    const op = operation(id);
    expect(op.name).toBe(name);
    expect(Object.keys(op.node.responses).filter(s => s.startsWith('2'))).toEqual([success]);
  });

  test('bearer authentication on every operation', () => {
    expect(spec.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(spec.security).toEqual([{ bearerAuth: [] }]);
    expect(apiOperations.filter(op => op.node.security !== undefined).map(op => op.name)).toEqual([]);
  });

  test('Idempotency-Key on the two POSTs, and a callback URL on the video request', () => {
    const params = (id: string) => operation(id).node.parameters.map((p: Node) => resolve(p).name);
    expect(POSTS.map(params)).toEqual([['Idempotency-Key'], ['Idempotency-Key']]);
    expect(spec.components.schemas.VideoGenerationRequest.properties.callback_url).toMatchObject({
      format: 'uri',
    });
  });

  test('webhooks are signed as Standard Webhooks describes', () => {
    const hooks = operations.filter(op => op.webhook);
    expect(hooks.map(op => op.path).sort()).toEqual([
      'video.generation.completed',
      'video.generation.failed',
    ]);
    for (const hook of hooks) {
      expect(hook.node.parameters.map((p: Node) => resolve(p).name)).toEqual([
        'webhook-id',
        'webhook-timestamp',
        'webhook-signature',
      ]);
    }
  });

  test('the video polling union covers pending, processing, completed and failed', () => {
    const union = spec.components.schemas.VideoGeneration.oneOf.map(
      (m: Node) => resolve(m).properties.status.enum[0],
    );
    expect(union).toEqual(['pending', 'processing', 'completed', 'failed']);
  });
});
