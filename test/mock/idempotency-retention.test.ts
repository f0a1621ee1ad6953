// How long an Idempotency-Key is remembered is a fact of the contract: the Idempotency-Key
// parameter's `x-retention-seconds`. Its prose (the parameter's description, the API description,
// the mock guide) says the same, and the mock replays within it and starts anew after it, whatever
// the spec it is made from declares.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { loadSpec, type Spec } from '../../src/kernel/index.ts';
import { createMock } from '../../src/mock/index.ts';
import type { Mock, MockOptions } from '../../src/mock/types.ts';

type Parameters = { components: { parameters: Record<string, Record<string, unknown>> } };
const spec = loadSpec() as Spec & Parameters & { info: { description: string } };
const parameter = spec.components.parameters.IdempotencyKey!;
const hours = (parameter['x-retention-seconds'] as number) / 3600;
const withRetention = (seconds: unknown) => {
  const changed = structuredClone(spec);
  changed.components.parameters.IdempotencyKey!['x-retention-seconds'] = seconds;
  return changed;
};

const mocks: Mock[] = [];
afterEach(() => void vi.useRealTimers());
afterAll(() => Promise.all(mocks.map(m => m.close())));

/** Whether the same key and body, sent again `laterMs` after the first, is replayed. */
async function replayedAfter(options: MockOptions, laterMs: number): Promise<boolean> {
  vi.useFakeTimers({ toFake: ['Date'] });
  const mock = await createMock({ log: () => {}, ...options });
  mocks.push(mock);
  const image = () =>
    mock.handle(
      new Request('http://mock.test/v2/images/generations', {
        method: 'POST',
        headers: {
          authorization: 'Bearer kept',
          'content-type': 'application/json',
          'idempotency-key': 'k1',
        },
        body: JSON.stringify({ model: 'seedream-5-lite', prompt: 'a lighthouse' }),
      }),
    );
  expect((await image()).status).toBe(200);
  vi.setSystemTime(Date.now() + laterMs);
  const again = await image();
  expect(again.status).toBe(200);
  return again.headers.get('idempotent-replayed') === 'true';
}

describe('the idempotency retention', () => {
  it('is what the prose says', () => {
    expect(Number.isInteger(hours) && hours > 0).toBe(true);
    const kept = `Keys are kept for ${hours} hours.`;
    expect(parameter.description).toContain(kept);
    expect(spec.info.description).toContain(kept);
    expect(readFileSync('docs/mock.md', 'utf8')).toContain(
      `The same \`Idempotency-Key\` and body within ${hours} h replays`,
    );
  });

  // The expected window is the spec's seconds read here, not the mock's reading of them, so that a
  // wrong reading (seconds taken as ms) fails.
  it.each([
    ["the contract's", {}, hours * 3_600_000],
    ['a spec of one minute', { spec: withRetention(60) }, 60_000],
    ['the option over the contract', { idempotencyRetentionMs: 60_000 }, 60_000],
  ])('%s: replayed just within it, new just after it', async (_, options: MockOptions, retentionMs) => {
    expect(await replayedAfter(options, retentionMs - 1000)).toBe(true);
    expect(await replayedAfter(options, retentionMs + 1000)).toBe(false);
  });

  it('a spec without it is refused naming the extension, unless the option is given', async () => {
    for (const bad of [undefined, 0, '1 day'])
      await expect(createMock({ spec: withRetention(bad), log: () => {} })).rejects.toThrow(
        /Idempotency-Key parameter .* must carry x-retention-seconds/,
      );
    const given = await createMock({
      spec: withRetention(undefined),
      idempotencyRetentionMs: 1000,
      log: () => {},
    });
    mocks.push(given);
  });
});
