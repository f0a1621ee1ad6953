// Test values, like Stripe's test cards: every error code and every video failure code of the
// catalogue is reached by a value of the fixtures table, without Prefer, each by the request its
// row of the table shows. A code added to the contract without a test value fails here. The docs'
// page of test values (docs/test-values.md) is the generated one.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawRequest } from '../../src/contract/index.ts';
import { errorCatalogue, errorCodes, failureCodes } from '../../generated/catalogue.ts';
import { loadDefaultFixtures, type TestValue } from '../../src/mock/fixtures.ts';
import { testingPage } from '../../src/mock/test-value-table.ts';
import { tryRequest } from '../../src/mock/test-value-requests.ts';
import { startTestMock, type TestMock } from './start.ts';
import { call, control, errorOf, headersFor } from './stateful-helpers.ts';

const fixtures = loadDefaultFixtures();
const values = fixtures.testValues;
let mock: TestMock;

beforeAll(async () => {
  mock = await startTestMock({ stepMs: 60_000, jobSteps: 1 });
});
afterAll(() => mock.close());

const VIDEOS = '/v2/videos/generations';

/** The request the row's table cell shows, as a person copying it sends it (any key but the row's own). */
function requestFor(t: TestValue): RawRequest {
  const r = tryRequest(t, fixtures);
  return {
    method: r.method,
    path: r.path,
    headers: headersFor(r.key ?? 'tv_user', r.headers),
    ...(r.body !== undefined ? { body: r.body } : {}),
  };
}

describe('test values', () => {
  it('reach every error code and every failure code of the catalogue', () => {
    for (const code of errorCodes)
      expect(
        values.some(t => t.error === code),
        `no test value for error ${code}`,
      ).toBe(true);
    for (const code of failureCodes)
      expect(
        values.some(t => t.failure === code),
        `no test value for failure ${code}`,
      ).toBe(true);
  });

  it.each(values.filter(t => t.error !== undefined).map(t => [`${t.kind} ${t.value}`, t] as const))(
    '%s answers its error',
    async (_, t) => {
      const res = await call(mock.url, requestFor(t));
      expect(res.status).toBe(errorCatalogue[t.error!].status);
      expect(errorOf(res).code).toBe(t.error);
      if (t.reason) expect(errorOf(res).reason).toBe(t.reason);
    },
  );

  it.each(values.filter(t => t.failure !== undefined).map(t => [`${t.kind} ${t.value}`, t] as const))(
    '%s fails the video with its code',
    async (_, t) => {
      const created = await call(mock.url, requestFor(t));
      expect(created.status).toBe(202);
      const { id } = created.body as { id: string };
      expect((await control(mock.url, 'POST', `jobs/${id}/advance`)).status).toBe(200);
      const polled = await call(mock.url, {
        method: 'GET',
        path: `${VIDEOS}/${id}`,
        headers: headersFor('tv_user'),
      });
      expect(polled.body).toMatchObject({ id, status: 'failed', error: { code: t.failure } });
    },
  );

  it('are listed in docs/test-values.md exactly as generated', () => {
    const page = new URL('../../docs/test-values.md', import.meta.url);
    const text = existsSync(page) ? readFileSync(page, 'utf8') : '';
    expect(text, 'docs/test-values.md is stale: run npx tsx scripts/write-docs.ts').toBe(
      `${testingPage(fixtures)}\n`,
    );
  });
});
