// Books hold at the caps: a video dropped from a full jobs table is settled
// before it goes (refunded in full, as a failure would be), and a charge whose account was evicted
// while its request waited shows in the books of the key's account, made again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMock, type Mock } from '../../src/mock/index.ts';

let mock: Mock | undefined;
afterEach(() => mock?.close());

const call = (path: string, key: string, body?: unknown, prefer?: string) =>
  mock!.handle(
    new Request(`http://mock.test${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        ...(prefer ? { prefer } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
const video = (key: string) =>
  call('/v2/videos/generations', key, { model: 'seedance-v1-pro', prompt: 'sea' });

/** The key's books in micro-units, and whether balance = start − charged + refunded. */
function books(key: string) {
  const b = mock!.state.account(key)!;
  const micro = (money: string) => Math.round(Number(money) * 1e6);
  const [balance, start, charged, refunded] = [
    micro(b.balance),
    micro(b.start),
    micro(b.charged),
    micro(b.refunded),
  ];
  return { balance, start, charged, refunded, holds: balance === start - charged + refunded };
}

describe('books at the caps', () => {
  it('a video dropped because the jobs table is full is refunded before it goes', async () => {
    mock = await createMock({ maxJobs: 2, maxAccounts: 2, stepMs: 60_000, log: () => {} });
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await video('mg_test_caps_a')).status);
    expect(made).toEqual([202, 202, 202]);
    const after = books('mg_test_caps_a');
    expect(after.holds).toBe(true);
    // Three charged, the first dropped and refunded: what is spent is the two kept videos.
    expect(after.refunded * 3).toBe(after.charged);
    expect(mock.state.account('mg_test_caps_a')!.running).toBe(2);
  });

  it('a charge whose account was evicted while its request waited shows in the books', async () => {
    mock = await createMock({ maxJobs: 2, maxAccounts: 2, stepMs: 60_000, log: () => {} });
    const image = { model: 'seedream-5-lite', prompt: 'a lighthouse' };
    // Its account is made before the wait; two other keys then evict it. The wait only has to outlast
    // two in-process calls: 2 s leaves a busy machine a wide margin.
    const waiting = call('/v2/images/generations', 'mg_test_caps_b', image, 'latency=2000');
    await vi.waitFor(() => expect(mock!.state.account('mg_test_caps_b')).toBeDefined(), {
      timeout: 15_000,
      interval: 5,
    });
    expect((await call('/v2/billing/balance', 'mg_test_caps_c')).status).toBe(200);
    expect((await call('/v2/billing/balance', 'mg_test_caps_d')).status).toBe(200);
    expect(mock.state.account('mg_test_caps_b')).toBeUndefined();
    expect((await waiting).status).toBe(200);
    const b = books('mg_test_caps_b');
    expect(b.holds).toBe(true);
    expect(b.charged).toBeGreaterThan(0);
  });
});
