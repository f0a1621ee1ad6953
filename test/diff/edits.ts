// Spec edits and how the diff must classify them: `rule who` per change, where `who` is what it
// breaks (clients, servers, both) or its changelog section, and `allowed` when an x-breaking-allowed
// covers it. Drawn from issue 10's rules and from the breaking-change rules of oasdiff and
// openapi-diff (request narrowed, response widened, removals).

/** Replace `from` (which must occur) by `to` in `file`; `from: null` creates the file. */
export type Edit = [file: string, from: string | RegExp | null, to: string];

export interface Row {
  name: string;
  edits: Edit[];
  expect: string[];
  /** The operations the changes concern, when the row is about them (a schema shared by several). */
  operations?: string[];
}

const ERR = 'openapi/components/schemas/errors';
const IMAGE = 'openapi/components/schemas/images/ImageGenerationRequest.yaml';
const VIDEO = 'openapi/components/schemas/videos/VideoGenerationRequest.yaml';
const BALANCE = 'openapi/components/schemas/billing/Balance.yaml';
const BALANCE_PATH = 'openapi/paths/billing-balance.yaml';
const USAGE = 'openapi/components/schemas/media/Usage.yaml';
const PROCESSING = 'openapi/components/schemas/videos/VideoGenerationProcessing.yaml';
const ROOT = 'openapi/openapi.yaml';

/** A new error code schema, shaped like its neighbours. */
const errorCode = (code: string, status: number) => `title: ModelOverloadedError
description: The model is overloaded.
x-status: ${status}
x-retryable: true
x-action: Retry later.
allOf:
  - $ref: ../ErrorBase.yaml
  - type: object
    required: [code, type]
    properties:
      code:
        const: ${code}
      type:
        const: server_error
`;

export const rows: Row[] = [
  // The error contract.
  {
    name: 'error code added to a response',
    edits: [
      [
        'openapi/components/responses/ForbiddenAccount.yaml',
        '            - $ref: ../schemas/errors/codes/IpNotAllowedError.yaml',
        '            - $ref: ../schemas/errors/codes/IpNotAllowedError.yaml\n            - $ref: ../schemas/errors/codes/ModelAccessDeniedError.yaml',
      ],
    ],
    expect: ['error-code-added-to-response added'],
    operations: ['listModels', 'getBalance'],
  },
  {
    name: 'error code removed from a response',
    edits: [
      [
        'openapi/components/responses/ForbiddenAccount.yaml',
        '            - $ref: ../schemas/errors/codes/IpNotAllowedError.yaml\n',
        '',
      ],
    ],
    expect: ['error-code-removed-from-response both'],
  },
  {
    name: 'error code added to the catalogue',
    edits: [
      [`${ERR}/codes/ModelOverloadedError.yaml`, null, errorCode('model_overloaded', 503)],
      [
        `${ERR}/ApiError.yaml`,
        '  - $ref: codes/UnsupportedMediaTypeError.yaml',
        '  - $ref: codes/UnsupportedMediaTypeError.yaml\n  - $ref: codes/ModelOverloadedError.yaml',
      ],
    ],
    expect: ['error-code-added added'],
  },
  {
    name: 'error code removed from the catalogue',
    edits: [[`${ERR}/ApiError.yaml`, '  - $ref: codes/GatewayTimeoutError.yaml\n', '']],
    expect: ['error-code-removed both'],
  },
  {
    name: "error code's x-status changed",
    edits: [[`${ERR}/codes/QuotaExceededError.yaml`, 'x-status: 402', 'x-status: 403']],
    expect: ['error-code-status-changed both'],
  },
  {
    name: 'error code no longer retryable',
    edits: [[`${ERR}/codes/RateLimitError.yaml`, 'x-retryable: true', 'x-retryable: false']],
    expect: ['error-code-no-longer-retryable clients'],
  },
  {
    name: 'error code becomes retryable',
    edits: [[`${ERR}/codes/QuotaExceededError.yaml`, 'x-retryable: false', 'x-retryable: true']],
    expect: ['error-code-now-retryable changed'],
  },
  {
    name: "error code's x-action changed",
    edits: [[`${ERR}/codes/RateLimitError.yaml`, /x-action: .*/, 'x-action: Wait, then retry.']],
    expect: ['error-code-action-changed changed'],
  },
  {
    name: "error code's type changed",
    edits: [[`${ERR}/codes/RateLimitError.yaml`, 'const: rate_limit_error', 'const: throttle_error']],
    expect: ['error-code-type-changed both'],
  },
  {
    name: 'optional typed field added to an error code',
    edits: [
      [
        `${ERR}/codes/RateLimitError.yaml`,
        '      type:\n        const: rate_limit_error',
        '      type:\n        const: rate_limit_error\n      window:\n        type: integer',
      ],
    ],
    expect: ['response-property-added added'],
  },
  {
    name: 'video failure code added',
    edits: [
      [
        `${ERR}/task-codes/QueueFullFailure.yaml`,
        null,
        'title: QueueFullFailure\ndescription: Queue full.\nx-retryable: true\nx-action: Retry.\nallOf:\n  - $ref: ../TaskErrorBase.yaml\n  - type: object\n    required: [code, retryable]\n    properties:\n      code:\n        const: queue_full\n      retryable:\n        const: true\n',
      ],
      [
        `${ERR}/TaskError.yaml`,
        '  - $ref: task-codes/UnsupportedFormatFailure.yaml',
        '  - $ref: task-codes/UnsupportedFormatFailure.yaml\n  - $ref: task-codes/QueueFullFailure.yaml',
      ],
    ],
    expect: ['failure-code-added added'],
  },
  {
    name: 'video failure code removed',
    edits: [[`${ERR}/TaskError.yaml`, '  - $ref: task-codes/TimeoutFailure.yaml\n', '']],
    expect: ['failure-code-removed both'],
  },
  {
    name: 'video failure code no longer retryable',
    edits: [
      [`${ERR}/task-codes/TimeoutFailure.yaml`, 'x-retryable: true', 'x-retryable: false'],
      [`${ERR}/task-codes/TimeoutFailure.yaml`, 'const: true', 'const: false'],
    ],
    expect: ['failure-code-no-longer-retryable clients'],
  },

  // Values clients switch on.
  {
    name: "new value of a video generation's status",
    edits: [
      [
        'openapi/components/schemas/videos/VideoGenerationQueued.yaml',
        null,
        'title: VideoGenerationQueued\ntype: object\nrequired: [id, status]\nproperties:\n  id:\n    $ref: ../common/GenerationId.yaml\n  status:\n    const: queued\n',
      ],
      [
        'openapi/components/schemas/videos/VideoGeneration.yaml',
        '  - $ref: VideoGenerationPending.yaml',
        '  - $ref: VideoGenerationQueued.yaml\n  - $ref: VideoGenerationPending.yaml',
      ],
    ],
    expect: ['response-alternative-added clients'],
  },
  {
    name: 'new enum value in a response field',
    edits: [[USAGE, 'enum: [image, video_second]', 'enum: [image, video_second, token]']],
    expect: ['response-enum-value-added clients'],
  },
  {
    name: 'new value of an enum shared by a request and a response',
    edits: [
      [
        'openapi/components/schemas/models/ModelType.yaml',
        'enum: [image, video]',
        'enum: [image, video, audio]',
      ],
    ],
    expect: ['request-enum-value-added added', 'response-enum-value-added clients'],
  },
  {
    name: 'enum value removed from a response field',
    edits: [[USAGE, 'enum: [image, video_second]', 'enum: [image]']],
    expect: ['response-enum-value-removed servers'],
  },

  // Requests.
  {
    name: 'new optional request field',
    edits: [[IMAGE, '  output_format:', '  seed:\n    type: integer\n  output_format:']],
    expect: ['request-property-added added'],
  },
  {
    name: 'new required request field',
    edits: [
      [IMAGE, 'required: [model, prompt]', 'required: [model, prompt, seed]'],
      [IMAGE, '  output_format:', '  seed:\n    type: integer\n  output_format:'],
    ],
    expect: ['request-property-required-added clients'],
  },
  {
    name: 'optional request field becomes required',
    edits: [[VIDEO, 'required: [model, prompt]', 'required: [model, prompt, duration]']],
    expect: ['request-property-became-required clients'],
  },
  {
    name: 'required request field becomes optional',
    edits: [[IMAGE, 'required: [model, prompt]', 'required: [model]']],
    expect: ['request-property-became-optional changed'],
  },
  {
    name: 'request field removed',
    edits: [[VIDEO, /  sound:\n(    .*\n){3}/, '']],
    expect: ['request-property-removed clients'],
  },
  {
    name: 'request enum narrowed',
    edits: [[IMAGE, 'enum: [1K, 2K, 4K]', 'enum: [1K, 2K]']],
    expect: ['request-enum-value-removed clients'],
  },
  {
    name: 'request enum widened',
    edits: [[IMAGE, 'enum: [png, jpeg, webp]', 'enum: [png, jpeg, webp, avif]']],
    expect: ['request-enum-value-added added'],
  },
  {
    name: 'request maxLength lowered',
    edits: [['openapi/components/schemas/common/Prompt.yaml', 'maxLength: 4096', 'maxLength: 2048']],
    expect: ['request-constraint-tightened clients'],
    operations: ['generateImage', 'createVideoGeneration'],
  },
  {
    name: 'request maximum raised',
    edits: [[VIDEO, 'maximum: 15', 'maximum: 30']],
    expect: ['request-constraint-loosened changed'],
  },
  {
    name: 'request maxItems lowered',
    edits: [[VIDEO, 'maxItems: 8', 'maxItems: 4']],
    expect: ['request-constraint-tightened clients'],
  },
  {
    name: 'request pattern changed',
    edits: [[VIDEO, "pattern: '^https?://'", "pattern: '^https://'"]],
    expect: ['request-constraint-tightened clients'],
  },
  {
    name: 'request field type changed',
    edits: [[VIDEO, '  duration:\n    type: integer', '  duration:\n    type: string']],
    expect: ['request-type-narrowed clients'],
  },
  {
    name: 'request field type widened',
    edits: [[VIDEO, '  duration:\n    type: integer', '  duration:\n    type: [integer, string]']],
    expect: ['request-type-widened changed'],
  },
  {
    name: 'request body closed to undeclared fields',
    edits: [
      [
        IMAGE,
        'type: object\nrequired: [model, prompt]',
        'type: object\nadditionalProperties: false\nrequired: [model, prompt]',
      ],
    ],
    expect: ['request-closed clients'],
  },
  {
    name: 'optional parameter becomes required',
    edits: [['openapi/components/parameters/ModelTypeQuery.yaml', 'required: false', 'required: true']],
    expect: ['parameter-became-required clients'],
  },
  {
    name: 'new optional header parameter',
    edits: [
      [
        BALANCE_PATH,
        '  tags: [Billing]\n',
        '  tags: [Billing]\n  parameters:\n    - name: X-Account\n      in: header\n      required: false\n      schema:\n        type: string\n',
      ],
    ],
    expect: ['parameter-added added'],
  },
  {
    name: 'new required header parameter',
    edits: [
      [
        BALANCE_PATH,
        '  tags: [Billing]\n',
        '  tags: [Billing]\n  parameters:\n    - name: X-Account\n      in: header\n      required: true\n      schema:\n        type: string\n',
      ],
    ],
    expect: ['parameter-required-added clients'],
  },
  {
    name: 'parameter removed',
    edits: [
      [
        'openapi/paths/models.yaml',
        /  parameters:\n    - \$ref: \.\.\/components\/parameters\/ModelTypeQuery\.yaml\n/,
        '',
      ],
    ],
    expect: ['parameter-removed clients'],
  },

  // Responses.
  {
    name: 'response field removed',
    edits: [
      [BALANCE, 'required: [balance, currency]', 'required: [balance]'],
      [BALANCE, /  currency:\n(    .*\n){3}/, ''],
    ],
    expect: ['response-property-removed clients'],
  },
  {
    name: 'new required response field',
    edits: [
      [BALANCE, 'required: [balance, currency]', 'required: [balance, currency, updated_at]'],
      [BALANCE, 'properties:\n', 'properties:\n  updated_at:\n    type: string\n    format: date-time\n'],
    ],
    expect: ['response-property-required-added servers'],
  },
  {
    name: 'new optional response field',
    edits: [
      [BALANCE, 'properties:\n', 'properties:\n  updated_at:\n    type: string\n    format: date-time\n'],
    ],
    expect: ['response-property-added added'],
  },
  {
    name: 'response field becomes optional',
    edits: [[BALANCE, 'required: [balance, currency]', 'required: [balance]']],
    expect: ['response-property-became-optional clients'],
  },
  {
    name: 'response field becomes required',
    edits: [[PROCESSING, 'required: [id, status, model]', 'required: [id, status, model, progress]']],
    expect: ['response-property-became-required servers'],
  },
  {
    name: 'response field type widened',
    edits: [[BALANCE, '  balance:\n    type: number', '  balance:\n    type: [number, string]']],
    expect: ['response-type-widened clients'],
  },
  {
    name: 'response maximum raised',
    edits: [[PROCESSING, 'maximum: 100', 'maximum: 1000']],
    expect: ['response-constraint-loosened clients'],
  },
  {
    name: 'response minimum raised',
    edits: [[PROCESSING, 'minimum: 0', 'minimum: 1']],
    expect: ['response-constraint-tightened servers'],
  },
  {
    name: 'response status removed',
    edits: [[BALANCE_PATH, "    '503':\n      $ref: ../components/responses/ServiceUnavailable.yaml\n", '']],
    expect: ['response-status-removed both'],
  },
  {
    name: 'response status removed, with an x-breaking-allowed on the operation',
    edits: [
      [BALANCE_PATH, "    '503':\n      $ref: ../components/responses/ServiceUnavailable.yaml\n", ''],
      [
        BALANCE_PATH,
        '  operationId: getBalance\n',
        "  operationId: getBalance\n  x-breaking-allowed: 'the balance is never unavailable any more'\n",
      ],
    ],
    expect: ['response-status-removed both allowed'],
  },
  {
    name: 'response status added',
    edits: [
      [
        BALANCE_PATH,
        "    '401':",
        "    '404':\n      $ref: ../components/responses/RouteNotFound.yaml\n    '401':",
      ],
    ],
    expect: ['response-status-added added'],
  },
  {
    name: 'required response header added',
    edits: [
      [
        BALANCE_PATH,
        '      headers:\n',
        '      headers:\n        X-Balance-Age:\n          required: true\n          schema:\n            type: integer\n',
      ],
    ],
    expect: ['response-header-required-added servers'],
  },
  {
    name: 'required response header removed',
    edits: [
      [
        'openapi/components/responses/RateLimited.yaml',
        '  X-RateLimit-Reset:\n    $ref: ../headers/RateLimitReset.yaml\n',
        '',
      ],
    ],
    expect: ['response-header-removed clients'],
  },

  // Operations, webhooks, deprecation, exceptions.
  {
    name: 'operation removed',
    edits: [[ROOT, '  /v2/billing/balance:\n    $ref: paths/billing-balance.yaml\n', '']],
    expect: ['operation-removed clients'],
  },
  {
    name: 'operation added',
    edits: [
      ['openapi/paths/billing-usage.yaml', null, ''],
      [
        ROOT,
        '  /v2/billing/balance:\n',
        '  /v2/billing/usage:\n    $ref: paths/billing-usage.yaml\n  /v2/billing/balance:\n',
      ],
      [
        'openapi/paths/billing-usage.yaml',
        /^$/,
        "get:\n  operationId: getUsage\n  summary: Usage\n  tags: [Billing]\n  responses:\n    '200':\n      description: Usage.\n",
      ],
    ],
    expect: ['operation-added added'],
  },
  {
    name: 'operationId changed',
    edits: [[BALANCE_PATH, 'operationId: getBalance', 'operationId: getAccountBalance']],
    expect: ['operation-id-changed both'],
  },
  {
    name: 'webhook removed',
    edits: [[ROOT, '  video.generation.failed:\n    $ref: webhooks/video-generation-failed.yaml\n', '']],
    expect: ['webhook-removed clients'],
  },
  {
    name: 'operation no longer requires authentication',
    edits: [[BALANCE_PATH, '  tags: [Billing]\n', '  tags: [Billing]\n  security: []\n']],
    expect: ['security-removed servers'],
  },
  {
    name: 'security scheme changed',
    edits: [
      [ROOT, 'security:\n  - bearerAuth: []', 'security:\n  - apiKeyAuth: []'],
      [
        ROOT,
        '  securitySchemes:\n',
        '  securitySchemes:\n    apiKeyAuth:\n      type: apiKey\n      in: header\n      name: X-Api-Key\n',
      ],
    ],
    expect: ['security-changed both'],
    operations: ['generateImage', 'createVideoGeneration', 'getVideoGeneration', 'listModels', 'getBalance'],
  },
  {
    name: 'webhook payload field removed',
    edits: [
      [
        'openapi/components/schemas/webhooks/VideoGenerationCompletedEvent.yaml',
        'required: [type, timestamp, data]',
        'required: [type, data]',
      ],
      [
        'openapi/components/schemas/webhooks/VideoGenerationCompletedEvent.yaml',
        /  timestamp:\n(    .*\n){3}/,
        '',
      ],
    ],
    expect: ['response-property-removed clients'],
  },
  {
    name: 'new required field in a webhook payload',
    edits: [
      [
        'openapi/components/schemas/webhooks/VideoGenerationCompletedEvent.yaml',
        'required: [type, timestamp, data]',
        'required: [type, timestamp, data, attempt]',
      ],
      [
        'openapi/components/schemas/webhooks/VideoGenerationCompletedEvent.yaml',
        'properties:\n',
        'properties:\n  attempt:\n    type: integer\n',
      ],
    ],
    expect: ['response-property-required-added servers'],
  },
  {
    name: 'operation deprecated',
    edits: [[BALANCE_PATH, '  tags: [Billing]\n', '  tags: [Billing]\n  deprecated: true\n']],
    expect: ['operation-deprecated deprecated'],
  },
  {
    name: 'parameter deprecated',
    edits: [
      [
        'openapi/components/parameters/IdempotencyKey.yaml',
        'required: false',
        'required: false\ndeprecated: true',
      ],
    ],
    expect: ['parameter-deprecated deprecated'],
  },
  {
    name: 'response field deprecated',
    edits: [
      [
        'openapi/components/schemas/models/Model.yaml',
        '    description: Display name.',
        '    description: Display name.\n    deprecated: true',
      ],
    ],
    expect: ['deprecated deprecated'],
  },
  {
    name: 'breaking change with an x-breaking-allowed exception',
    edits: [
      [
        BALANCE,
        'type: object\n',
        "type: object\nx-breaking-allowed: 'currency moved to the account endpoint (agreed with all clients)'\n",
      ],
      [BALANCE, 'required: [balance, currency]', 'required: [balance]'],
      [BALANCE, /  currency:\n(    .*\n){3}/, ''],
    ],
    expect: ['response-property-removed clients allowed'],
  },
  {
    name: 'operation removed with an x-breaking-allowed on paths',
    edits: [
      [ROOT, '  /v2/billing/balance:\n    $ref: paths/billing-balance.yaml\n', ''],
      [ROOT, 'paths:\n', "paths:\n  x-breaking-allowed: 'balance moved to the account API'\n"],
    ],
    expect: ['operation-removed clients allowed'],
  },
  {
    name: 'description and example edits are not changes',
    edits: [
      [BALANCE, 'description: Credits left, in `currency`.', 'description: Money left.'],
      ['openapi/components/examples/billing/balance.yaml', /balance: [\d.]+/, 'balance: 7'],
    ],
    expect: [],
  },
];
