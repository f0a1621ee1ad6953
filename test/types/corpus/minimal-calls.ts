// One call per operation, as a new user writes it from the API reference: required fields only.
import { createClient } from '@mediagen/client';

const client = createClient({ apiKey: 'sk_test_123' });

const image = await client.POST('/v2/images/generations', {
  body: { model: 'seedream-5-lite', prompt: 'a cat' },
});
if (image.data)
  console.log(
    image.data.id,
    image.data.data.map(file => `${file.url} ${file.width}x${file.height}`),
  );

const video = await client.POST('/v2/videos/generations', {
  body: { model: 'seedance-v1-pro', prompt: 'a cat' },
});
if (video.data) console.log(video.data.id, video.data.status);

const polled = await client.GET('/v2/videos/generations/{id}', {
  params: { path: { id: 'vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY' } },
});
if (polled.data?.status === 'completed') console.log(polled.data.data[0]?.url, polled.data.usage.total_cost);
if (polled.data?.status === 'failed') console.log(polled.data.error.code, polled.data.error.retryable);

const models = await client.GET('/v2/models');
for (const model of models.data ?? []) console.log(model.id, model.type, model.created_at);

const balance = await client.GET('/v2/billing/balance');
if (balance.data) console.log(`${balance.data.balance} ${balance.data.currency}`);
