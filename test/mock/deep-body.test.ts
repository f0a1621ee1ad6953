// A body nested far deeper than any operation needs is the contract's 400, never a stack overflow in
// the idempotency fingerprint or in Prism's validation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_DEPTH } from '../../src/mock/body-depth.ts';
import { createMock, type Mock } from '../../src/mock/index.ts';

let mock: Mock;
beforeAll(async () => {
  mock = await createMock({ log: () => {} });
});
afterAll(() => mock.close());

const generate = (body: string) =>
  mock.handle(
    new Request('http://mock.test/v2/images/generations', {
      method: 'POST',
      headers: {
        authorization: 'Bearer mg_test_deep',
        'content-type': 'application/json',
        'idempotency-key': 'deep-1',
      },
      body,
    }),
  );

/** A valid generateImage body with `extra` nested `depth` arrays deep, built as a string. */
const nested = (depth: number) =>
  `{"model":"seedream-5-lite","prompt":"deep","extra":${'['.repeat(depth)}${']'.repeat(depth)}}`;

describe('a deeply nested request body', () => {
  it('100,000 levels deep with an Idempotency-Key is the contract 400, with a request id', async () => {
    const answer = await generate(nested(100_000));
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-request-id')).toBeTruthy();
    const { error } = (await answer.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_parameter');
    expect(error.message).toContain(`${MAX_BODY_DEPTH} levels`);
  });

  it('one level past the limit is refused; at the limit it is judged by the schema alone', async () => {
    // `extra` sits one level inside the body object, so the body's depth is `depth + 1`.
    const over = await generate(nested(MAX_BODY_DEPTH));
    expect(((await over.json()) as { error: { message: string } }).error.message).toContain('levels');
    const at = await generate(nested(MAX_BODY_DEPTH - 1));
    expect(await at.text()).not.toContain('levels deep');
  });
});
