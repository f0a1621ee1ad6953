// The checker itself: the spec's own examples pass, and each kind of contract break is reported
// precisely (where and what).
import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { createContractValidator, type Violation } from '../../src/contract/index.ts';

const validator = createContractValidator();
const { contract } = validator;
const json = { 'content-type': 'application/json' };
const rateHeaders = {
  'retry-after': '12',
  'x-ratelimit-limit': '60',
  'x-ratelimit-remaining': '0',
  'x-ratelimit-reset': '12',
};

const where = (violations: Violation[]) => violations.map(v => v.where);
const errorOf = (body: unknown) => (body as { error: Record<string, unknown> }).error;

describe('contract validator', () => {
  const examples = contract.operations.flatMap(op =>
    op.responses.flatMap(r =>
      Object.entries(r.examples).map(([name, body]) => ({ op, status: r.status, name, body })),
    ),
  );

  it('has examples for every operation to check', () => {
    expect(examples.length).toBeGreaterThan(50);
    expect(new Set(examples.map(e => e.op.operationId)).size).toBe(contract.operations.length);
  });

  it.each(examples.map(e => [`${e.op.operationId} ${e.status} ${e.name}`, e] as const))(
    'accepts the spec example %s',
    (_, e) => {
      const requestId = (e.body as { error?: { request_id?: string } }).error?.request_id ?? 'req_1';
      const headers = { ...json, 'x-request-id': requestId, ...rateHeaders };
      expect(validator.checkResponse(e.op.operationId, { status: e.status, headers, body: e.body })).toEqual(
        [],
      );
    },
  );

  const quota = contract.operations
    .find(o => o.operationId === 'generateImage')!
    .responses.find(r => r.status === 402)!.examples.quota_exceeded;
  const quotaId = errorOf(quota).request_id as string;

  it('reports an undeclared status, with the declared ones', () => {
    const v = validator.checkResponse('getBalance', {
      status: 201,
      headers: { ...json, 'x-request-id': 'r' },
      body: { balance: 1, currency: 'USD' },
    });
    expect(v).toEqual([
      {
        kind: 'undeclared status',
        where: 'status',
        message: '201 is not declared for getBalance (declared: 200, 401, 403, 429, 500, 502, 503, 504)',
      },
    ]);
    // An undeclared error status still has to carry the envelope and the request id.
    const teapot = validator.checkResponse('getBalance', {
      status: 418,
      headers: json,
      body: { message: 'teapot' },
    });
    expect(where(teapot)).toEqual(['status', 'header X-Request-Id', 'body']);
  });

  it('reports a missing X-Request-Id and missing rate limit headers', () => {
    const rate = contract.operations
      .find(o => o.operationId === 'listModels')!
      .responses.find(r => r.status === 429)!.examples.rate_limit;
    const v = validator.checkResponse('listModels', { status: 429, headers: json, body: rate });
    expect(where(v).sort()).toEqual([
      'header Retry-After',
      'header X-RateLimit-Limit',
      'header X-RateLimit-Remaining',
      'header X-RateLimit-Reset',
      'header X-Request-Id',
    ]);
  });

  it('reports a Retry-After that is not a number of seconds', () => {
    const unavailable = contract.operations
      .find(o => o.operationId === 'getBalance')!
      .responses.find(r => r.status === 503)!.examples.service_unavailable;
    const id = errorOf(unavailable).request_id as string;
    const v = validator.checkResponse('getBalance', {
      status: 503,
      headers: { ...json, 'x-request-id': id, 'retry-after': 'soon' },
      body: unavailable,
    });
    expect(where(v)).toEqual(['header Retry-After']);
  });

  it('reports error.request_id differing from X-Request-Id', () => {
    const v = validator.checkResponse('generateImage', {
      status: 402,
      headers: { ...json, 'x-request-id': 'req_other' },
      body: quota,
    });
    expect(v).toEqual([
      {
        kind: 'request_id differs from X-Request-Id',
        where: 'body/error/request_id',
        message: `${JSON.stringify(quotaId)} differs from the X-Request-Id header "req_other"`,
      },
    ]);
  });

  it('reports body schema violations at their path', () => {
    const body = { error: { ...errorOf(quota), required: 'lots' } };
    delete (body.error as Record<string, unknown>).available;
    const v = validator.checkResponse('generateImage', {
      status: 402,
      headers: { ...json, 'x-request-id': quotaId },
      body,
    });
    expect(where(v).sort()).toEqual(['body/error', 'body/error/required']);
    expect(v.find(x => x.where === 'body/error')!.message).toMatch(/available/);
  });

  it('reports a code not allowed under that status', () => {
    const body = { error: { ...errorOf(quota), code: 'rate_limit', type: 'rate_limit_error' } };
    const v = validator.checkResponse('generateImage', {
      status: 402,
      headers: { ...json, 'x-request-id': quotaId },
      body,
    });
    expect(v).toEqual([
      {
        kind: 'code not allowed under the status',
        where: 'body/error/code',
        message: 'code "rate_limit" is not declared for generateImage 402; allowed: quota_exceeded',
      },
    ]);
  });

  it('narrows a union to the variant the body claims (video generation status)', () => {
    const body = { id: 'vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY', status: 'processing', model: 'm', progress: 140 };
    const v = validator.checkResponse(
      { method: 'GET', path: '/v2/videos/generations/vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY' },
      { status: 200, headers: { ...json, 'x-request-id': 'r' }, body },
    );
    expect(v).toEqual([{ kind: 'schema', where: 'body/progress', message: 'must be <= 100' }]);
  });

  it('names a discriminating value the union does not have, with the values it has', () => {
    const body = { id: 'vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY', status: 'exploded', model: 'm' };
    const v = validator.checkResponse(
      { method: 'GET', path: '/v2/videos/generations/vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY' },
      { status: 200, headers: { ...json, 'x-request-id': 'r' }, body },
    );
    expect(where(v)).toEqual(['body/status']);
    expect(v[0]!.message).toMatch(/^"exploded" is not one of the allowed values here: .*"processing"/);
  });

  // A broken body is explained from its one check: each broken property once, in the order of the schema.
  it('explains every broken property of a body, and one present but undefined against its own schema', () => {
    const headers = { ...json, 'x-request-id': 'r' };
    expect(
      validator.checkResponse('getBalance', {
        status: 200,
        headers,
        body: { balance: 'x', currency: 'usd' },
      }),
    ).toEqual([
      { kind: 'schema', where: 'body/balance', message: 'must be number' },
      { kind: 'schema', where: 'body/currency', message: 'must match pattern "^[A-Z]{3}$"' },
    ]);
    expect(
      validator.checkResponse('getBalance', {
        status: 200,
        headers,
        body: { balance: undefined, currency: 'USD' },
      }),
    ).toEqual([
      { kind: 'schema', where: 'body', message: "must have required property 'balance'" },
      { kind: 'schema', where: 'body/balance', message: 'must be number' },
    ]);
  });

  it('reads headers of any case and list values as one', () => {
    const headers = { 'Content-Type': 'application/json', 'X-Request-Id': ['a', 'b'] };
    expect(
      validator.checkResponse('getBalance', { status: 200, headers, body: { balance: 1, currency: 'USD' } }),
    ).toEqual([]);
    expect(
      where(
        validator.checkResponse('getBalance', {
          status: 200,
          headers: { 'Content-Type': 'application/json', 'x-request-id': undefined },
          body: { balance: 1, currency: 'USD' },
        }),
      ),
    ).toEqual(['header X-Request-Id']);
  });

  it('reports a non-JSON body and a wrong content type', () => {
    const v = validator.checkResponse('getBalance', {
      status: 200,
      headers: { 'content-type': 'text/html', 'x-request-id': 'r' },
      body: '<html>',
    });
    expect(where(v)).toEqual(['header Content-Type', 'body']);
  });

  it('checks a request outside every operation against UnlistedError', () => {
    const problem = {
      type: 'https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR',
      title: 'Route not resolved',
      status: 404,
    };
    const v = validator.checkResponse(
      { method: 'GET', path: '/v2/videos?x=1' },
      { status: 404, headers: { 'content-type': 'application/problem+json' }, body: problem },
    );
    expect(where(v)).toEqual(['header X-Request-Id', 'header Content-Type', 'body']);
    const ok = {
      error: {
        message: 'No route.',
        type: 'not_found_error',
        code: 'not_found',
        param: null,
        doc_url: 'https://docs.mediagen.example/#error-not_found',
        request_id: 'r',
        resource: 'route',
      },
    };
    expect(
      validator.checkResponse(
        { method: 'PUT', path: '/v2/models' },
        { status: 404, headers: { ...json, 'x-request-id': 'r' }, body: ok },
      ),
    ).toEqual([]);
    expect(
      where(
        validator.checkResponse(
          { method: 'PUT', path: '/v2/models' },
          { status: 200, headers: { ...json, 'x-request-id': 'r' }, body: ok },
        ),
      ),
    ).toEqual(['status']);
  });

  it('throws with every violation from assertResponse', () => {
    expect(() =>
      validator.assertResponse('getBalance', {
        status: 200,
        headers: json,
        body: { balance: 'x', currency: 'USD' },
      }),
    ).toThrow(/header X-Request-Id: required header is missing\n {2}- body\/balance: must be number/);
  });
});

describe('webhook validator', () => {
  const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
  const completed = contract.webhooks.find(w => w.name === 'video.generation.completed')!;
  const payload = JSON.stringify(Object.values(completed.examples)[0]);
  const signed = (body: string, at = new Date()) => {
    const id = 'msg_1';
    return {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, at, body),
    };
  };

  it('accepts a signed delivery of each spec example', () => {
    for (const w of contract.webhooks) {
      for (const example of Object.values(w.examples)) {
        const body = JSON.stringify(example);
        expect(validator.checkWebhook({ headers: signed(body), body, secret })).toEqual([]);
      }
    }
  });

  it('reports a forged signature, a stale timestamp, missing headers and a bad payload', () => {
    const headers = signed(payload);
    expect(
      where(validator.checkWebhook({ headers, body: payload.replace('completed', 'failed'), secret })),
    ).toContain('body/data/status');
    expect(
      where(
        validator.checkWebhook({
          headers: { ...headers, 'webhook-signature': 'v1,AAAA' },
          body: payload,
          secret,
        }),
      ),
    ).toEqual(['header webhook-signature']);
    expect(
      where(
        validator.checkWebhook({
          headers: signed(payload, new Date(Date.now() - 3_600_000)),
          body: payload,
          secret,
        }),
      ),
    ).toEqual(['header webhook-signature']);
    expect(where(validator.checkWebhook({ headers: {}, body: payload }))).toEqual([
      'header webhook-id',
      'header webhook-timestamp',
      'header webhook-signature',
    ]);
    expect(
      validator.checkWebhook({ headers, body: JSON.stringify({ type: 'video.generation.started' }) })[0]!
        .where,
    ).toBe('body/type');
  });
});
