// One call per operation with every option a user can pass, and the mistakes the types must catch.
import { createClient } from '@mediagen/client';

const client = createClient({
  apiKey: 'sk_test_123',
  baseUrl: 'http://127.0.0.1:4010',
  timeout: 90_000,
  maxRetries: 3,
  headers: { 'x-trace': '1' },
});
const controller = new AbortController();

await client.POST('/v2/images/generations', {
  params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
  body: {
    model: 'seedream-5-lite',
    prompt: 'A lighthouse at dawn',
    aspect_ratio: '16:9',
    resolution: '2K',
    output_format: 'webp',
    images: [{ url: 'https://example.com/reference.png' }, { url: 'data:image/png;base64,iVBORw0KGgo=' }],
  },
  timeout: 120_000,
  signal: controller.signal,
});

const created = await client.POST('/v2/videos/generations', {
  body: {
    model: 'seedance-v1-pro',
    prompt: 'The beam sweeps the sea',
    aspect_ratio: '9:16',
    resolution: '1080p',
    duration: 5,
    sound: true,
    images: [
      { url: 'https://example.com/first.png', role: 'first_frame' },
      { url: 'https://example.com/last.png', role: 'last_frame' },
    ],
    callback_url: 'https://example.com/hooks/mediagen',
  },
  maxRetries: 0,
});
if (created.data) {
  const polled = await client.GET('/v2/videos/generations/{id}', {
    params: { path: { id: created.data.id } },
    timeout: 10_000,
  });
  if (polled.data?.status === 'processing') console.log(polled.data.progress ?? 'unknown progress');
}

const videoModels = await client.GET('/v2/models', { params: { query: { type: 'video' } } });
console.log(videoModels.data?.map(model => model.name));
await client.GET('/v2/billing/balance', { signal: controller.signal });

// @ts-expect-error prompt is required
await client.POST('/v2/images/generations', { body: { model: 'seedream-5-lite' } });
await client.POST('/v2/images/generations', {
  // @ts-expect-error gif is not an output format
  body: { model: 'seedream-5-lite', prompt: 'a cat', output_format: 'gif' },
});
await client.POST('/v2/videos/generations', {
  // @ts-expect-error duration is whole seconds, a number
  body: { model: 'seedance-v1-pro', prompt: 'a cat', duration: '5' },
});
await client.POST('/v2/videos/generations', {
  // @ts-expect-error a frame image needs its role
  body: { model: 'seedance-v1-pro', prompt: 'a cat', images: [{ url: 'https://example.com/a.png' }] },
});
// @ts-expect-error the id is a path parameter
await client.GET('/v2/videos/generations/{id}', { params: { query: { id: 'vid_1' } } });
// @ts-expect-error no such operation
await client.GET('/v2/videos');
