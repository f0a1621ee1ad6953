// A video whose end is further off than a timer holds (2^31-1 ms, about 24.8 days: a long
// --job-step-ms times its steps) still reports its end by webhook when it ends by time, and not
// before: a timer asked for more fires at once, which would look at an unfinished job and never again.
import { afterEach, expect, it, vi } from 'vitest';
import { createMock } from '../../src/mock/index.ts';
import { MAX_TIMER_MS } from '../../src/kernel/timer.ts';
import type { Mock } from '../../src/mock/types.ts';

let mock: Mock | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await mock?.close();
});

/** Lets the I/O and promises the fake clock set off run (setImmediate is not faked). */
const settle = () => new Promise(resolve => setImmediate(resolve));

it('reports a video that ends two timer spans away when it ends, not before', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  mock = await createMock({ log: () => {}, jobSteps: 2, stepMs: MAX_TIMER_MS });
  const created = await mock.handle(
    new Request('http://mock.test/v2/videos/generations', {
      method: 'POST',
      headers: { authorization: 'Bearer far', 'content-type': 'application/json' },
      // A closed port of this machine: the attempt is recorded, nothing leaves it.
      body: JSON.stringify({
        model: 'seedance-v1-pro',
        prompt: 'a slow tide',
        callback_url: 'http://127.0.0.1:9/hook',
      }),
    }),
  );
  expect(created.status).toBe(202);
  const deliveries = () => mock!.state.deliveries().length;

  await vi.advanceTimersByTimeAsync(MAX_TIMER_MS + 1000);
  await settle();
  expect(deliveries()).toBe(0);

  await vi.advanceTimersByTimeAsync(MAX_TIMER_MS);
  // The delivery is attempted within a few turns of the event loop; a bounded count, not a delay.
  for (let turn = 0; turn < 1000 && deliveries() === 0; turn++) await settle();
  expect(mock.state.deliveries().map(d => d.url)).toEqual(['http://127.0.0.1:9/hook']);
});
