// Every code of the catalogue and every error example of the spec, served by a local server, becomes
// the typed error the catalogue describes.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import spec from '../../generated/openapi.json' with { type: 'json' };
import { errorCatalogue, retryableStatuses, type ErrorCode } from '../../generated/catalogue.ts';
import { createClient } from '../../src/client/index.ts';
import { startServer, type TestServer } from './server.ts';

type Envelope = { error: Record<string, unknown> & { code: string; request_id: string } };
const errorExamples = Object.entries(spec.components.examples as Record<string, { value: unknown }>).filter(
  // Error bodies, not the `error` of a failed generation (which has no request_id).
  (e): e is [string, { value: Envelope }] =>
    typeof (e[1].value as Partial<Envelope> | null)?.error?.request_id === 'string',
);
const codes = Object.keys(errorCatalogue) as ErrorCode[];

let server: TestServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.close());
const client = () => createClient({ apiKey: 'sk_test_errors', baseUrl: server.url, maxRetries: 0 });

describe('error examples of the spec', () => {
  it('covers every code of the catalogue', () => {
    expect(new Set(errorExamples.map(([, e]) => e.value.error.code))).toEqual(new Set(codes));
  });

  it.each(errorExamples)('%s becomes a typed api error', async (_name, { value }) => {
    const entry = errorCatalogue[value.error.code as ErrorCode];
    server.reply({
      status: entry.status,
      headers: { 'x-request-id': value.error.request_id, 'retry-after': '7' },
      body: value,
    });
    const { data, error, response } = await client().POST('/v2/images/generations', {
      body: { model: 'm', prompt: 'p' },
    });
    expect(data).toBeUndefined();
    expect(response?.status).toBe(entry.status);
    expect(error).toMatchObject({
      kind: 'api',
      name: 'MediagenError',
      status: entry.status,
      code: value.error.code,
      type: entry.type,
      message: value.error.message,
      param: value.error.param,
      docUrl: value.error.doc_url,
      requestId: value.error.request_id,
      retryable: entry.retryable,
      retryAfter: 7,
    });
    expect(error).toBeInstanceOf(Error);
    // The typed extras of the code are carried over.
    for (const field of entry.fields)
      expect((error as unknown as Record<string, unknown>)[field]).toEqual(value.error[field]);
  });
});

describe('every code of the catalogue on every operation', () => {
  const calls = [
    (c: ReturnType<typeof client>) => c.GET('/v2/billing/balance'),
    (c: ReturnType<typeof client>) => c.GET('/v2/models', { params: { query: { type: 'video' } } }),
    (c: ReturnType<typeof client>) =>
      c.GET('/v2/videos/generations/{id}', { params: { path: { id: 'vid_1' } } }),
    (c: ReturnType<typeof client>) => c.POST('/v2/videos/generations', { body: { model: 'm', prompt: 'p' } }),
    (c: ReturnType<typeof client>) => c.POST('/v2/images/generations', { body: { model: 'm', prompt: 'p' } }),
  ];
  it.each(codes)('%s', async code => {
    const entry = errorCatalogue[code];
    for (const call of calls) {
      const wire = {
        message: `m ${code}`,
        type: entry.type,
        code,
        param: null,
        doc_url: entry.docUrl,
        request_id: `req_${code}`,
      };
      server.reply({ status: entry.status, body: { error: wire } });
      const { error } = await call(client());
      expect(error).toMatchObject({
        kind: 'api',
        code,
        status: entry.status,
        retryable: entry.retryable,
        requestId: `req_${code}`,
      });
    }
  });
});

describe('a code this version does not know', () => {
  it.each([400, 401, 402, 403, 404, 409, 418, 422, 429, 500, 502, 503, 504])(
    'on %i is classified by its status',
    async status => {
      const wire = {
        message: 'new',
        type: 'shiny_error',
        code: 'shiny_new_code',
        param: 'x',
        doc_url: 'https://d/#x',
        request_id: 'req_new',
        extra: 5,
      };
      server.reply({ status, headers: { 'x-request-id': 'req_new' }, body: { error: wire } });
      const { error } = await client().GET('/v2/billing/balance');
      expect(error).toMatchObject({
        kind: 'api_unknown',
        code: 'shiny_new_code',
        type: 'shiny_error',
        status,
        param: 'x',
        requestId: 'req_new',
        retryable: retryableStatuses.includes(status),
        extra: 5,
      });
    },
  );
});

describe('retryAfter', () => {
  it.each([
    [{ 'retry-after': '12' }, 12],
    [{ 'retry-after': 'Sun, 22 Nov 2026 10:00:31 GMT' }, 31],
    [{ 'retry-after': 'Sun, 22 Nov 2026 09:59:00 GMT' }, 0],
    [{ 'retry-after': 'soon', 'x-ratelimit-reset': '40' }, 40],
    [{ 'x-ratelimit-reset': '9', 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0' }, 9],
    [{}, undefined],
  ])('from %o is %s seconds', async (headers, seconds) => {
    // A frozen clock, for the HTTP dates.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-22T10:00:00.400Z') });
    try {
      const entry = errorCatalogue.rate_limit;
      const wire = {
        message: 'slow down',
        type: entry.type,
        code: 'rate_limit',
        param: null,
        doc_url: entry.docUrl,
        request_id: 'req_rl',
      };
      server.reply({ status: 429, headers, body: { error: wire } });
      const { error } = await client().GET('/v2/billing/balance');
      expect(error?.kind === 'api' && error.retryAfter).toBe(seconds);
    } finally {
      vi.useRealTimers();
    }
  });
});
