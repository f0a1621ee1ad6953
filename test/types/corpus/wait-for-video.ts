// Start a video, wait for it, and tell a retryable failure from one that needs a new request.
import { createClient, waitForVideo, type WaitError } from '@mediagen/client';

const client = createClient({ apiKey: 'sk_test_123' });

function describe(error: WaitError): string {
  if (error.kind === 'task_failed') {
    switch (error.code) {
      case 'face_detected':
      case 'prompt_rejected':
        return `change the request (${error.code}); refunded: ${error.refunded}`;
      case 'timeout': {
        const retryable: true = error.retryable;
        return `retry: ${retryable}`;
      }
      default:
        return `${error.code} for ${error.generationId}`;
    }
  }
  if (error.kind === 'task_failed_unknown') return `${error.code}, retryable ${error.retryable}`;
  return `${error.kind}: ${error.message}`;
}

const created = await client.POST('/v2/videos/generations', {
  body: { model: 'seedance-v1-pro', prompt: 'a cat' },
});
if (created.data) {
  const video = await waitForVideo(client, created.data.id, {
    interval: 5_000,
    timeout: 600_000,
    signal: AbortSignal.timeout(900_000),
  });
  if (video.data) {
    const [file] = video.data.data;
    console.log(file?.url, file?.duration, file?.fps, file?.has_sound, video.data.usage.unit_price);
  } else {
    console.log(describe(video.error));
  }
}
