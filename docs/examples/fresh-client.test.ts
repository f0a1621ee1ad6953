// A test with its own account: the image is charged to this test's key alone.
import { expect, it } from 'vitest';
import { freshClient } from './fresh-client.ts';

it('charges an image to this test alone', async () => {
  const client = freshClient();
  const before = await client.GET('/v2/billing/balance');
  const image = await client.POST('/v2/images/generations', {
    body: { model: 'seedream-5-lite', prompt: 'a lighthouse at dawn' },
  });
  const after = await client.GET('/v2/billing/balance');
  expect(image.data?.usage.total_cost).toBeGreaterThan(0);
  expect(after.data!.balance).toBeLessThan(before.data!.balance);
});
