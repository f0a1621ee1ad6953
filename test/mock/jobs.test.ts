// Video generations as jobs: the state machine over polls and over time, failures chosen with
// Prefer, signed webhooks to callback_url (validated against the contract, retried), bounded memory.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { failureCatalogue } from '../../generated/catalogue.ts';
import {
  createContractValidator,
  formatViolations,
  send,
  type RawResponse,
} from '../../src/contract/index.ts';
import { startTestMock, type TestMock } from './start.ts';

const validator = createContractValidator();
const auth = { authorization: 'Bearer mg_test_jobs' };
const SECRET = `whsec_${Buffer.from('mock-test-secret-0123456789abcdef').toString('base64')}`;

function conforms(operationId: string, res: RawResponse) {
  const violations = validator.checkResponse(operationId, res);
  expect(violations, formatViolations(violations)).toEqual([]);
}

async function create(mock: TestMock, body: Record<string, unknown>, prefer?: string) {
  const res = await send(mock.url, {
    method: 'POST',
    path: '/v2/videos/generations',
    headers: { ...auth, 'content-type': 'application/json', ...(prefer ? { prefer } : {}) },
    body: JSON.stringify({ model: 'seedance-v1-pro', prompt: 'a cat surfing', ...body }),
  });
  conforms('createVideoGeneration', res);
  return res;
}

async function poll(mock: TestMock, id: string) {
  const res = await send(mock.url, { method: 'GET', path: `/v2/videos/generations/${id}`, headers: auth });
  conforms('getVideoGeneration', res);
  return res;
}

describe('job state machine (by polls)', () => {
  let mock: TestMock;
  beforeAll(async () => {
    mock = await startTestMock({ jobSteps: 4, stepMs: 60_000, webhookSecret: SECRET });
  });
  afterAll(() => mock.close());

  it('moves from pending through processing with progress to completed', async () => {
    const created = await create(mock, { duration: 10, sound: true });
    expect(created.status).toBe(202);
    const { id, status } = created.body as { id: string; status: string };
    expect(status).toBe('pending');
    const seen = [];
    for (let i = 0; i < 6; i++) {
      const body = (await poll(mock, id)).body as { id: string; status: string; progress?: number };
      expect(body.id).toBe(id);
      seen.push(body.progress !== undefined ? `${body.status} ${body.progress}` : body.status);
    }
    expect(seen).toEqual([
      'pending',
      'processing 25',
      'processing 50',
      'processing 75',
      'completed',
      'completed',
    ]);
    const done = (await poll(mock, id)).body as {
      model: string;
      data: { duration: number; has_sound: boolean; url: string }[];
      usage: { quantity: number };
    };
    expect(done.model).toBe('seedance-v1-pro');
    expect(done.data[0]).toMatchObject({ duration: 10, has_sound: true });
    expect(done.data[0]!.url).toContain(id);
    expect(done.usage.quantity).toBe(10);
  });

  it.each(Object.entries(failureCatalogue))(
    'ends failed with %s when asked with Prefer: fail=',
    async (code, entry) => {
      const { id } = (await create(mock, {}, `fail=${code}, steps=1`)).body as { id: string };
      expect(((await poll(mock, id)).body as { status: string }).status).toBe('pending');
      const failed = (await poll(mock, id)).body as {
        status: string;
        error: { code: string; retryable: boolean; refunded: boolean };
      };
      expect(failed.status).toBe('failed');
      expect(failed.error).toMatchObject({ code, retryable: entry.retryable, refunded: true });
    },
  );

  it('rejects an unknown failure code or step count with 400 invalid_parameter param Prefer', async () => {
    for (const prefer of ['fail=melted', 'steps=0', 'steps=many']) {
      const res = await create(mock, {}, prefer);
      expect(res.status).toBe(400);
      expect((res.body as { error: { code: string; param: string } }).error).toMatchObject({
        code: 'invalid_parameter',
        param: 'Prefer',
      });
    }
  });

  it('answers 404 generation for an id it never issued', async () => {
    const res = await poll(mock, 'vid_01JDQ8ZK4T9V2K7M3N5P8R6WX0');
    expect(res.status).toBe(404);
    expect((res.body as { error: { resource: string; param: string } }).error).toMatchObject({
      resource: 'generation',
      param: 'id',
    });
  });
});

describe('jobs over time and webhooks', () => {
  let mock: TestMock;
  let receiver: Server;
  let hookUrl: string;
  const deliveries: { headers: IncomingHttpHeaders; body: string; path: string }[] = [];
  let failFirst = 0;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', c => chunks.push(c));
      req.on('end', () => {
        deliveries.push({
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
          path: req.url ?? '',
        });
        res.writeHead(failFirst-- > 0 ? 500 : 204).end();
      });
    });
    await new Promise<void>(resolve => receiver.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    mock = await startTestMock({
      jobSteps: 3,
      stepMs: 40,
      webhookSecret: SECRET,
      webhookRetryDelaysMs: [30],
    });
  });
  afterAll(async () => {
    await mock.close();
    await new Promise<void>(resolve => receiver.close(() => resolve()));
  });

  const waitFor = async (path: string, count = 1) => {
    await vi.waitUntil(() => deliveries.filter(d => d.path === path).length >= count, {
      timeout: 15_000,
      interval: 10,
    });
    return deliveries.filter(d => d.path === path);
  };

  it('ends by itself as time passes and delivers a signed, contract-valid completed webhook', async () => {
    const { id } = (await create(mock, { callback_url: `${hookUrl}/done` })).body as { id: string };
    const [delivery] = await waitFor('/done');
    expect(delivery, 'no webhook delivered').toBeDefined();
    expect(
      validator.checkWebhook({
        headers: delivery!.headers as Record<string, string>,
        body: delivery!.body,
        secret: SECRET,
      }),
    ).toEqual([]);
    const event = JSON.parse(delivery!.body) as { type: string; data: { id: string; status: string } };
    expect(event).toMatchObject({ type: 'video.generation.completed', data: { id, status: 'completed' } });
    expect(((await poll(mock, id)).body as { status: string }).status).toBe('completed');
    expect(
      mock.lines.some(
        l =>
          l.startsWith(`webhook video.generation.completed msg_`) &&
          l.endsWith(`${hookUrl}/done 204 (1 attempt)`),
      ),
    ).toBe(true);
  });

  it('delivers video.generation.failed with the same error as polling', async () => {
    const { id } = (await create(mock, { callback_url: `${hookUrl}/failed` }, 'fail=output_rejected'))
      .body as { id: string };
    const [delivery] = await waitFor('/failed');
    expect(
      validator.checkWebhook({
        headers: delivery!.headers as Record<string, string>,
        body: delivery!.body,
        secret: SECRET,
      }),
    ).toEqual([]);
    const event = JSON.parse(delivery!.body) as { type: string; data: { error: unknown } };
    expect(event.type).toBe('video.generation.failed');
    expect(event.data.error).toEqual(((await poll(mock, id)).body as { error: unknown }).error);
  });

  it('retries a delivery the receiver refused, with the same webhook-id', async () => {
    failFirst = 1;
    await create(mock, { callback_url: `${hookUrl}/retry` });
    const attempts = await waitFor('/retry', 2);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.headers['webhook-id']).toBe(attempts[1]!.headers['webhook-id']);
    expect(
      validator.checkWebhook({
        headers: attempts[1]!.headers as Record<string, string>,
        body: attempts[1]!.body,
        secret: SECRET,
      }),
    ).toEqual([]);
  });

  it('a signature made with another secret does not verify', async () => {
    const [delivery] = await waitFor('/done');
    const other = `whsec_${Buffer.from('another-secret-0123456789abcdef!').toString('base64')}`;
    expect(
      validator
        .checkWebhook({
          headers: delivery!.headers as Record<string, string>,
          body: delivery!.body,
          secret: other,
        })
        .map(v => v.where),
    ).toEqual(['header webhook-signature']);
  });
});

describe('bounded memory', () => {
  it('keeps at most maxJobs generations, dropping the oldest', async () => {
    const mock = await startTestMock({ maxJobs: 3, stepMs: 60_000 });
    try {
      const ids = [];
      for (let i = 0; i < 4; i++) ids.push(((await create(mock, {})).body as { id: string }).id);
      expect(mock.state.sizes().jobs).toBe(3);
      expect((await poll(mock, ids[0]!)).status).toBe(404);
      for (const id of ids.slice(1)) expect((await poll(mock, id)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });
});
