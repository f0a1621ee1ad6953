// The house rules of redocly.yaml (lint/house-rules.js) catch what they are for.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { root } from '../../scripts/root.ts';
import { copyContract } from './copy.ts';

const redocly = `${root}node_modules/.bin/redocly`;
type Problem = { ruleId: string; message: string; location: { source: { ref: string } }[] };

// Each API of redocly.yaml on its own: the contract and its workflows (Arazzo).
test.each(['mediagen', 'workflows'])('%s lints clean: zero problems, warnings included', async api => {
  const run = await promisify(execFile)(redocly, ['lint', api, '--format=json'], {
    cwd: root,
  }).catch(err => err);
  expect(JSON.parse(run.stdout).problems.map((p: Problem) => `${p.ruleId}: ${p.message}`)).toEqual([]);
});

describe('house lint rules', () => {
  let problems: Problem[] = [];
  let contract: Awaited<ReturnType<typeof copyContract>>;

  beforeAll(async () => {
    contract = await copyContract();
    await contract.edit('openapi/paths/models.yaml', /    '429':\n.*\n/, '');
    await contract.edit('openapi/components/responses/ServiceUnavailable.yaml', /  Retry-After:\n.*\n/, '');
    await contract.edit(
      'openapi/components/schemas/errors/codes/QuotaExceededError.yaml',
      'x-status: 402',
      'x-status: 400',
    );
    await contract.edit('openapi/components/schemas/errors/codes/BadGatewayError.yaml', /x-action: .*\n/, '');
    await contract.edit(
      'openapi/components/responses/RateOrConcurrencyLimited.yaml',
      /      concurrency_limit:\n.*\n/,
      '',
    );
    await contract.edit(
      'openapi/components/responses/PaymentRequired.yaml',
      'examples/errors/quota_exceeded.yaml',
      'examples/errors/rate_limit.yaml',
    );
    await contract.edit('openapi/paths/billing-balance.yaml', /        X-Request-Id:\n.*\n/, '');
    await contract.edit('openapi/paths/models.yaml', /        X-RateLimit-Reset:\n.*\n/, '');
    await contract.edit(
      'openapi/components/examples/billing/balance.yaml',
      'currency: USD',
      'currency: dollars',
    );
    await contract.edit(
      'openapi/components/schemas/billing/Balance.yaml',
      'type: object\n',
      "type: object\nx-breaking-allowed: ''\n",
    );
    await contract.edit(
      'openapi/components/schemas/models/Model.yaml',
      'type: object\n',
      'type: object\nx-breaking-allowed: renamed with every client\n',
    );
    await contract.edit(
      'openapi/components/schemas/errors/codes/RateLimitError.yaml',
      '        type: string\n        enum: [rate_limit]',
      '        const: rate_limit',
    );
    await contract.edit(
      'openapi/components/schemas/errors/task-codes/TimeoutFailure.yaml',
      '        type: boolean\n        enum: [true]',
      '        enum: [true]',
    );
    await contract.edit(
      'openapi/components/schemas/media/Usage.yaml',
      /    description: Price of one billable unit.*\n/,
      '',
    );
    await contract.edit('openapi/components/headers/RetryAfter.yaml', 'examples: [12]', 'example: 12');
    const run = await promisify(execFile)(redocly, ['lint', 'mediagen', '--format=json'], {
      cwd: contract.dir,
    }).catch(err => err);
    problems = JSON.parse(run.stdout).problems;
  });
  afterAll(() => contract?.remove());

  const reported = (ruleId: string) => problems.filter(p => p.ruleId === ruleId).map(p => p.message);

  test('an x-breaking-allowed without a reason (one with a reason is accepted)', () => {
    expect(reported('house/breaking-allowed')).toEqual([
      'x-breaking-allowed must give the reason, as a non-empty string.',
    ]);
  });
  test('an operation without one of its error statuses', () => {
    expect(reported('house/error-statuses')).toEqual(['listModels must declare a 429 response.']);
  });
  test('a 503 without Retry-After, a 200 without X-Request-Id or X-RateLimit-*', () => {
    expect(reported('house/response-headers')).toEqual(
      expect.arrayContaining([
        'getBalance 200 must declare the X-Request-Id header.',
        'listModels 200 must declare the X-RateLimit-Reset header.',
        'generateImage 503 must declare the Retry-After header.',
      ]),
    );
  });
  test('a code used under another status than its own, a code without an example, an example of a foreign code', () => {
    expect(reported('house/error-responses')).toEqual(
      expect.arrayContaining([
        'generateImage 402: code quota_exceeded is catalogued with x-status 400.',
        'generateImage 429: no named example shows code concurrency_limit.',
        'generateImage 402: an example uses code rate_limit, which this response does not allow.',
      ]),
    );
  });
  test('a catalogue entry without what to do', () => {
    expect(reported('house/catalogue-entries')).toEqual([
      'BadGatewayError: the catalogue fact x-action is missing.',
    ]);
  });
  test('a discriminating value as a const, or as a one-value enum without its type', () => {
    expect(reported('house/discriminator-values')).toEqual([
      'const "rate_limit": write a single value as type + enum: [value].',
      'enum [true] must say its type.',
    ]);
  });
  test('a property without a description (one that narrows a described base property is described)', () => {
    expect(reported('house/property-descriptions')).toEqual(['Property unit_price has no description.']);
  });
  test('the deprecated `example` in a schema', () => {
    expect(reported('house/schema-examples')).toEqual([
      'A schema takes `examples: [...]`, not the deprecated `example`.',
    ]);
  });
  test('an example that does not validate', () => {
    const invalid = problems.filter(
      p => p.ruleId === 'no-invalid-media-type-examples' && /`currency` property/.test(p.message),
    );
    expect(invalid.map(p => [p.message, p.location[0]?.source.ref])).toEqual([
      [expect.stringMatching(/pattern/), 'openapi/components/examples/billing/balance.yaml'],
    ]);
  });
});
