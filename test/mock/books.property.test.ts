// Property: random sequences of calls from several keys (create, poll, replay, over-spend, burst,
// advance) keep every account's books right: the balance the API shows is the start minus what the
// answers charged plus what failed videos refunded, never below zero; and every answer is one the
// contract allows. RUNS sequences, in-process through createMockFetch, every one run however busy the
// machine (a run costs a few tens of ms when idle; the timeout allows for far slower).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createMockFetch } from '../../src/mock/index.ts';
import { DEFAULT_BASE_URL } from '../../src/mock/msw.ts';
import { parseMoney } from '../../src/mock/money.ts';
import { headersFor, validator } from './stateful-helpers.ts';

const START = '1.00';
const mockFetch = createMockFetch({
  log: () => {},
  stepMs: 60_000,
  jobSteps: 2,
  balance: START,
  maxConcurrent: 3,
});
afterAll(() => mockFetch.close());

const RUNS = 30;
const micro = (amount: number) => Math.round(amount * 1e6);
const KEYS = 3;

type Command =
  | { kind: 'image'; key: number; idem?: number }
  | { kind: 'video'; key: number; duration: 5 | 10; fail: boolean; idem?: number }
  | { kind: 'poll'; key: number; job: number }
  | { kind: 'advance'; job: number }
  | { kind: 'burst'; key: number; size: number };

const key = fc.integer({ min: 0, max: KEYS - 1 });
const idem = fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('image' as const), key, idem }, { requiredKeys: ['kind', 'key'] }),
  fc.record(
    {
      kind: fc.constant('video' as const),
      key,
      duration: fc.constantFrom(5 as const, 10 as const),
      fail: fc.boolean(),
      idem,
    },
    { requiredKeys: ['kind', 'key', 'duration', 'fail'] },
  ),
  fc.record({ kind: fc.constant('poll' as const), key, job: fc.nat(20) }),
  fc.record({ kind: fc.constant('advance' as const), job: fc.nat(20) }),
  fc.record({ kind: fc.constant('burst' as const), key, size: fc.integer({ min: 2, max: 6 }) }),
);

let run = 0;

describe('books', () => {
  it(`hold for every account under random call sequences (${RUNS} of them)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 14 }), async commands => {
        run++;
        const keys = Array.from({ length: KEYS }, (_, i) => `books_${run}_${i}`);
        const charged = keys.map(() => 0);
        const jobs: { id: string; owner: number; cost: number }[] = [];
        const seen = new Set<string>();

        async function api(
          method: string,
          path: string,
          owner: number,
          body?: unknown,
          extra: Record<string, string> = {},
        ) {
          const res = await mockFetch(`${DEFAULT_BASE_URL}${path}`, {
            method,
            headers: headersFor(keys[owner]!, extra),
            ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          });
          const json = (await res.json()) as Record<string, unknown>;
          const violations = validator.checkResponse(
            { method, path },
            { status: res.status, headers: res.headers, body: json },
          );
          expect(violations).toEqual([]);
          return { status: res.status, json, replayed: res.headers.get('idempotent-replayed') === 'true' };
        }
        /** A new generation answered 2xx is charged once; a replay is not. */
        function book(
          owner: number,
          res: { status: number; json: Record<string, unknown>; replayed: boolean },
          cost: number,
        ) {
          const id = String(res.json.id);
          if (res.status >= 300 || res.replayed || seen.has(id)) return;
          seen.add(id);
          charged[owner]! += cost;
          if (id.startsWith('vid_')) jobs.push({ id, owner, cost });
        }
        async function image(owner: number, idemKey?: number) {
          const res = await api(
            'POST',
            '/v2/images/generations',
            owner,
            { model: 'seedream-5-lite', prompt: 'a cat' },
            idemKey !== undefined ? { 'idempotency-key': `i${idemKey}` } : {},
          );
          book(owner, res, 40_000);
        }
        async function video(owner: number, duration: number, fail: boolean, idemKey?: number) {
          const body = {
            model: 'seedance-v1-pro',
            prompt: fail ? 'a storm [fail:timeout]' : 'a storm',
            duration,
          };
          const res = await api(
            'POST',
            '/v2/videos/generations',
            owner,
            body,
            idemKey !== undefined ? { 'idempotency-key': `v${idemKey}${duration}${fail}` } : {},
          );
          book(owner, res, 100_000 * duration);
        }

        for (const c of commands) {
          if (c.kind === 'image') await image(c.key, c.idem);
          else if (c.kind === 'video') await video(c.key, c.duration, c.fail, c.idem);
          else if (c.kind === 'burst')
            await Promise.all(
              Array.from({ length: c.size }, (_, i) => (i % 2 ? image(c.key) : video(c.key, 5, false))),
            );
          else if (jobs.length > 0) {
            const job = jobs[(c.kind === 'poll' ? c.job : c.job) % jobs.length]!;
            if (c.kind === 'advance')
              await mockFetch(`${DEFAULT_BASE_URL}/_mock/jobs/${job.id}/advance`, { method: 'POST' });
            else await api('GET', `/v2/videos/generations/${job.id}`, c.key);
          }
        }
        // End every job, then read what each account shows.
        const refunded = keys.map(() => 0);
        for (const job of jobs) {
          await mockFetch(`${DEFAULT_BASE_URL}/_mock/jobs/${job.id}/advance`, { method: 'POST' });
          const final = await api('GET', `/v2/videos/generations/${job.id}`, job.owner);
          const error = final.json.error as { refunded?: boolean } | undefined;
          if (final.json.status === 'failed' && error?.refunded) refunded[job.owner]! += job.cost;
        }
        for (const [i] of keys.entries()) {
          const shown = micro(Number((await api('GET', '/v2/billing/balance', i)).json.balance));
          expect(shown).toBe(parseMoney(START) - charged[i]! + refunded[i]!);
          expect(shown).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
