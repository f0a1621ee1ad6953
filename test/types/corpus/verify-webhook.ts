// A webhook endpoint on node:http: verify the raw body, then narrow the event on `type`.
import { createServer } from 'node:http';
import { verifyWebhook, type WebhookEvent } from '@mediagen/client/webhooks';

function handle(event: WebhookEvent): string {
  switch (event.type) {
    case 'video.generation.completed':
      return `${event.data.id} ready at ${event.data.data[0]?.url}`;
    case 'video.generation.failed':
      return `${event.data.id} failed: ${event.data.error.code} (refunded: ${event.data.error.refunded})`;
  }
}

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const hook = verifyWebhook(process.env.MEDIAGEN_WEBHOOK_SECRET ?? '', Buffer.concat(chunks), req.headers);
    if (hook.error) {
      console.log(`rejected ${hook.error.webhookId ?? '-'}: ${hook.error.reason}`);
      res.writeHead(400).end();
      return;
    }
    console.log(hook.id, hook.event.timestamp, handle(hook.event));
    res.writeHead(204).end();
  });
}).listen(8080);
