// `stateFile`: accounts, jobs, idempotency records and deliveries kept across a restart of the
// mock (written on close here; the CLI restart test kills the process instead), and a file that
// cannot be used refused with one line, never read as empty.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMock, type Delivery } from '../../src/mock/index.ts';
import { startReceiver, type Receiver } from './receiver.ts';
import { startTestMock } from './start.ts';
import { control, get, image, post, video } from './stateful-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'mock-state-'));
const KEY = 'mg_test_state';
let receiver: Receiver;
beforeAll(async () => void (receiver = await startReceiver()));
afterAll(() => receiver.close());

describe('a state file', () => {
  it('keeps books, jobs and idempotency records across a restart', async () => {
    const stateFile = join(dir, 'books.json');
    const first = await startTestMock({ stateFile });
    await post(first.url, KEY, '/v2/images/generations', image);
    const created = await post(first.url, KEY, '/v2/videos/generations', video, { 'idempotency-key': 'k1' });
    const { id } = created.body as { id: string };
    const books = (await control(first.url, 'GET', `accounts/${KEY}`)).body;
    await first.close();
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({ version: 1 });

    const second = await startTestMock({ stateFile });
    try {
      expect((await control(second.url, 'GET', `accounts/${KEY}`)).body).toEqual(books);
      const replay = await post(second.url, KEY, '/v2/videos/generations', video, {
        'idempotency-key': 'k1',
      });
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(created.body);
      expect((await control(second.url, 'GET', `accounts/${KEY}`)).body).toEqual(books);
      expect((await get(second.url, KEY, `/v2/videos/generations/${id}`)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('delivers after a restart: a job that ends by time, and a pending delivery retried', async () => {
    const stateFile = join(dir, 'hooks.json');
    receiver.answer = r => (r.path === '/retried' && receiver.received.length < 2 ? 500 : 204);
    const options = { stateFile, webhookRetryDelaysMs: [200], stepMs: 100, jobSteps: 2 };
    const first = await startTestMock(options);
    await control(first.url, 'POST', 'deliveries', { url: `${receiver.url}/retried` });
    const { id } = (
      await post(first.url, KEY, '/v2/videos/generations', { ...video, callback_url: `${receiver.url}/job` })
    ).body as { id: string };
    await first.close();

    const second = await startTestMock(options);
    try {
      await vi.waitUntil(() => receiver.received.some(r => r.path === '/job'), { timeout: 15_000 });
      expect(JSON.parse(receiver.received.find(r => r.path === '/job')!.body).data.id).toBe(id);
      await vi.waitUntil(
        () => second.state.deliveries().some(d => d.url.endsWith('/retried') && d.state === 'delivered'),
        { timeout: 15_000 },
      );
      const retried = second.state.deliveries().find(d => d.url.endsWith('/retried')) as Delivery;
      expect(retried.attempts.map(a => a.status)).toEqual([500, 204]);
    } finally {
      await second.close();
    }
  });

  it('refuses a file it cannot use, in one line naming it', async () => {
    const bad = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const cases: [string, RegExp][] = [
      [bad('corrupt.json', '{"version":1,"accou'), /not valid JSON/],
      [bad('v2.json', '{"version":2}'), /version 2, this mock reads version 1 only/],
      [bad('other.json', '{"version":1,"accounts":[]}'), /not a mock state file/],
      [folder, /cannot be read \(EISDIR\)/],
    ];
    for (const [stateFile, why] of cases) {
      const error = await createMock({ stateFile }).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(why);
      expect(error?.message).toContain(`state file ${stateFile}: `);
      expect(error?.message).not.toContain('\n');
    }
    expect(readFileSync(join(dir, 'corrupt.json'), 'utf8')).toBe('{"version":1,"accou');
  });
});
