// Whatever a server answers (status, headers, body), the client resolves to data or to a typed error.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorCatalogue } from '../../generated/catalogue.ts';
import { createClient, type MediagenError } from '../../src/client/index.ts';
import { defaultRetryPolicy, retryAfterSeconds, retryDelay } from '../../src/client/retry.ts';
import { startServer, type TestServer } from './server.ts';

let server: TestServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.close());

const kinds: MediagenError['kind'][] = [
  'api',
  'api_unknown',
  'connection',
  'timeout',
  'aborted',
  'invalid_response',
];
const codes = [...Object.keys(errorCatalogue), 'brand_new_code'];
const envelope = fc.record({
  error: fc.record(
    {
      message: fc.string(),
      type: fc.string(),
      code: fc.constantFrom(...codes),
      param: fc.option(fc.string()),
      doc_url: fc.string(),
      request_id: fc.string(),
    },
    { requiredKeys: ['code', 'message'] },
  ),
});
const body = fc.oneof(
  fc.constant(undefined),
  fc.string(),
  fc.json(),
  envelope.map(e => JSON.stringify(e)),
  envelope.map(e => JSON.stringify(e).slice(0, -3)),
  fc.constant('<html><body>502 Bad Gateway</body></html>'),
);
const headerValue = fc.string({ maxLength: 40 }).map(s => s.trim());
const headers = fc.record(
  {
    'content-type': fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/html',
      'text/plain',
      'application/problem+json',
      '',
    ),
    'retry-after': fc.oneof(
      headerValue,
      fc.nat().map(String),
      fc.date({ noInvalidDate: true }).map(d => d.toUTCString()),
    ),
    'x-ratelimit-reset': fc.oneof(headerValue, fc.nat().map(String)),
    'x-request-id': headerValue,
  },
  { requiredKeys: [] },
);

it('always resolves to data or a typed error', async () => {
  const client = createClient({
    apiKey: 'sk_test_property',
    baseUrl: server.url,
    maxRetries: 0,
    timeout: 15_000,
  });
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 200, max: 599 }), headers, body, async (status, headers, body) => {
      server.reply({ status, headers: { 'content-type': null, ...headers }, body });
      const result = await client.GET('/v2/billing/balance');
      if (result.error === undefined) {
        expect(result.response.ok).toBe(true);
        expect(result.data).not.toBeUndefined();
        expect(result.response.headers.get('content-type')).toMatch(/json/);
        return;
      }
      const error = result.error;
      expect(error).toBeInstanceOf(Error);
      expect(kinds).toContain(error.kind);
      expect(typeof error.message).toBe('string');
      expect(typeof error.retryable).toBe('boolean');
      // The fetch standard turns a 407 into a network error; every other answer keeps its status.
      if (status === 407) expect(error).toMatchObject({ kind: 'connection', status: undefined });
      else expect(error.status).toBe(status);
      if (error.kind === 'api') expect(Object.keys(errorCatalogue)).toContain(error.code);
      if (error.kind === 'api' || error.kind === 'api_unknown') expect(status).toBeGreaterThanOrEqual(300);
      // A 2xx is never retryable: the operation may have happened.
      if (status < 300) expect(error.retryable).toBe(false);
    }),
    { numRuns: 200 },
  );
});

it('every retry wait is bounded, whatever the headers', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 200, max: 599 }),
      headers,
      fc.nat({ max: 30 }),
      (status, headers, retry) => {
        const response = new Response(null, {
          status,
          headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== '')),
        });
        const advised = retryAfterSeconds(response);
        if (advised !== undefined) expect(advised).toBeGreaterThanOrEqual(0);
        const wait = retryDelay(retry, advised, defaultRetryPolicy);
        // The advice as given (the call bounds it by maxRetryWait), else a backoff within maxDelay.
        if (advised !== undefined) expect(wait).toBe(advised * 1000);
        else {
          expect(wait).toBeGreaterThanOrEqual(0);
          expect(wait).toBeLessThanOrEqual(defaultRetryPolicy.maxDelay);
        }
      },
    ),
    { numRuns: 1000 },
  );
});
