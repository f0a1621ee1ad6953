// The option errors docs/client.md shows (`createClient: timeout must be …`, `GET: signal must be …`)
// are the client's own: each is the TypeError its entry point gives for such a value, so a reworded
// check cannot leave the guide showing the old wording.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createClient } from '../../src/client/index.ts';

const guide = readFileSync(new URL('../../docs/client.md', import.meta.url), 'utf8');
const shown = [...guide.matchAll(/`((?:createClient|GET): \w+ must be [^`]+)`/g)].map(m => `TypeError: ${m[1]}`);

/** What `run` throws or rejects with, as `String(error)` prints it. */
async function thrown(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    return String(error);
  }
  throw new Error('no error');
}

it('shows the TypeErrors the client gives for a bad option of createClient and of a call', async () => {
  const client = createClient({ baseUrl: 'http://127.0.0.1:1', fetch: async () => new Response('{}') });
  expect(shown).toEqual([
    await thrown(() => createClient({ timeout: -1 })),
    await thrown(() => client.GET('/v2/billing/balance', { signal: 'abort' } as never)),
  ]);
});
