// The client guide's first call (docs/client.md), run against a local server: the lines it prints are
// the ones the guide shows. Keep the two in step (the snippet below is the guide's, with `log` for console.log).
import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import spec from '../../generated/openapi.json' with { type: 'json' };
import { createClient, waitForVideo, type WaitError } from '../../src/client/index.ts';
import { verifyWebhook } from '../../src/client/webhooks.ts';
import { startServer, type Reply, type TestServer } from './server.ts';

const examples = spec.components.examples as unknown as Record<string, { value: unknown }>;
const example = (name: string, status = 200): Reply => ({ status, body: examples[name]!.value });
let server: TestServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.close());

// ---- guide snippet --------------------------------------------------------------------------
function explain(error: WaitError): string {
  switch (error.kind) {
    case 'api': // a code of the catalogue: narrowed by `code`
      switch (error.code) {
        case 'quota_exceeded':
          return `not enough credits: need ${error.required} ${error.currency}, have ${error.available}`;
        case 'concurrency_limit':
          return `${error.current} of ${error.limit} generations running; retry in ${error.retryAfter} s`;
        case 'content_policy_violation':
          return `rejected by content checks: change ${error.param}`;
        default:
          return `${error.code} (${error.status}): ${error.message}`;
      }
    case 'api_unknown': // a code newer than this client
      return `${error.code} (${error.status}, retryable: ${error.retryable}): ${error.message}`;
    case 'task_failed': // the video generation failed: narrowed by `code` too
    case 'task_failed_unknown':
      return `video failed: ${error.code}, retryable ${error.retryable}, refunded ${error.refunded}`;
    case 'invalid_response':
      return `the response broke the contract (${error.reason}), request ${error.requestId}`;
    default: // connection, timeout, aborted
      return `${error.kind}: ${error.message}`;
  }
}

async function readme(
  baseUrl: string,
  secret: string,
  delivery: { body: string; headers: Record<string, string> },
  log: (line: string) => void,
) {
  const client = createClient({ baseUrl, apiKey: 'sk_test_readme' }); // apiKey defaults to MEDIAGEN_API_KEY

  const balance = await client.GET('/v2/billing/balance');
  if (balance.data) log(`balance: ${balance.data.balance} ${balance.data.currency}`);

  const image = await client.POST('/v2/images/generations', {
    body: { model: 'seedream-5-lite', prompt: 'A lighthouse at dawn' }, // model and prompt: all that is required
  });
  if (image.error) log(`${explain(image.error)} [${image.error.requestId}]`);

  const created = await client.POST('/v2/videos/generations', {
    body: { model: 'seedance-v1-pro', prompt: 'The beam sweeps the sea', duration: 5, sound: true },
  });
  if (created.error) return log(explain(created.error));
  const video = await waitForVideo(client, created.data.id, { interval: 10, timeout: 60_000 });
  log(video.data ? `video ready: ${video.data.data[0]?.url}` : explain(video.error));

  const hook = verifyWebhook(secret, delivery.body, delivery.headers); // raw body, request headers
  if (hook.error) log(`webhook rejected: ${hook.error.reason}`);
  else log(`webhook ${hook.id}: ${hook.event.type} ${hook.event.data.id}`);
}
// ---- end of guide snippet -------------------------------------------------------------------

it('prints what the guide shows', async () => {
  server.reply([
    example('balance'),
    example('quota_exceeded', 402),
    example('video_created', 202),
    example('video_pending'),
    example('video_processing'),
    example('video_completed'),
  ]);
  const secret = `whsec_${Buffer.from('readme secret, 32 bytes long....').toString('base64')}`;
  const body = JSON.stringify(examples.video_completed_event!.value);
  const at = new Date();
  const headers = {
    'webhook-id': 'msg_2Lh',
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign('msg_2Lh', at, body),
  };
  const lines: string[] = [];
  await readme(server.url, secret, { body, headers }, line => lines.push(line));
  expect(lines).toEqual([
    'balance: 42.5 USD',
    'not enough credits: need 0.5 USD, have 0.12 [req_01JDQ8Z12X4T9V2K7M3N5P8R6W]',
    'video ready: https://cdn.mediagen.example/v/vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY.mp4',
    'webhook msg_2Lh: video.generation.completed vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY',
  ]);
  expect(server.requests.map(r => `${r.method} ${r.url}`)).toEqual([
    'GET /v2/billing/balance',
    'POST /v2/images/generations',
    'POST /v2/videos/generations',
    ...Array(3).fill('GET /v2/videos/generations/vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY'),
  ]);
});

it('prints the failure, the other branches of explain', async () => {
  // maxRetries is the client default (2): the 429 is sent three times in all.
  server.reply([
    example('balance'),
    { ...example('concurrency_limit', 429), headers: { 'retry-after': '0' } },
    { ...example('concurrency_limit', 429), headers: { 'retry-after': '0' } },
    { ...example('concurrency_limit', 429), headers: { 'retry-after': '0' } },
    example('video_created', 202),
    example('failed_output_rejected'),
  ]);
  const lines: string[] = [];
  await readme(server.url, 'whsec_AAAA', { body: '{}', headers: {} }, line => lines.push(line));
  expect(lines).toEqual([
    'balance: 42.5 USD',
    '3 of 3 generations running; retry in 0 s [req_01JDQ8Z27X4T9V2K7M3N5P8R6W]',
    'video failed: output_rejected, retryable false, refunded true',
    'webhook rejected: missing_headers',
  ]);
  const unknown = {
    status: 451,
    body: {
      error: {
        message: 'Not here.',
        type: 'legal_error',
        code: 'region_blocked',
        param: null,
        doc_url: 'https://d',
        request_id: 'req_x',
      },
    },
  };
  server.reply(unknown);
  const { error } = await createClient({ baseUrl: server.url, apiKey: 'k_readme' }).GET(
    '/v2/billing/balance',
  );
  expect(explain(error!)).toBe('region_blocked (451, retryable: false): Not here.');
  server.reply({
    status: 502,
    headers: { 'content-type': 'text/html', 'x-request-id': 'req_h' },
    body: '<html/>',
  });
  const html = await createClient({ baseUrl: server.url, apiKey: 'k_readme', maxRetries: 0 }).GET(
    '/v2/billing/balance',
  );
  expect(explain(html.error!)).toBe('the response broke the contract (wrong_content_type), request req_h');
});

it('the guide shows this snippet and these lines', () => {
  const readme = readFileSync(new URL('../../docs/client.md', import.meta.url), 'utf8');
  const source = readFileSync(new URL(import.meta.url), 'utf8');
  const explainSource = /function explain[\s\S]*?\n}\n/.exec(source)![0];
  expect(readme).toContain(explainSource);
  // The calls too (the snippet here is indented once more): the minimal image call, then the video call with options.
  const calls = source
    .match(/const \w+ = await client\.POST\([\s\S]*?\n {2}}\);/g)!
    .map(call => call.replace(/\n {2}/g, '\n'));
  expect(calls).toHaveLength(2);
  for (const call of calls) expect(readme).toContain(call);
  expect(readme).toContain(
    [
      'balance: 42.5 USD',
      'not enough credits: need 0.5 USD, have 0.12 [req_01JDQ8Z12X4T9V2K7M3N5P8R6W]',
      'video ready: https://cdn.mediagen.example/v/vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY.mp4',
      'webhook msg_2Lh: video.generation.completed vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY',
    ].join('\n'),
  );
});
