// The mock CLI with `--state FILE`, killed with SIGKILL in the middle of a sequence of charges,
// refunds and idempotent requests, and started again: every account's books still add up, its jobs
// are there, idempotent requests replay without a second charge. A corrupt file stops the start
// with one line and exit 2.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { AccountBooks } from '../../src/mock/index.ts';
import { parseMoney } from '../../src/mock/money.ts';
import { control, get, image, post, video } from './stateful-helpers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mock-restart-'));

function startCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/mock/cli.ts', '--port', '0', ...args], {
    cwd: root,
    env: { ...process.env, MEDIAGEN_WEBHOOK_SECRET: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { out: '', err: '' };
  child.stdout.on('data', d => (output.out += d));
  child.stderr.on('data', d => (output.err += d));
  const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
  const url = async () => {
    await vi.waitUntil(() => output.out.includes('Test values (') || child.exitCode !== null, {
      timeout: 30_000,
      interval: 20,
    });
    return /listening on (http:\/\/\S+)/.exec(output.out)?.[1] ?? '';
  };
  return { child, output, exited, url };
}

const booksOf = async (url: string, key: string) =>
  (await control(url, 'GET', `accounts/${key}`)).body as AccountBooks;
const savedCharges = (file: string) => {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { accounts: { records: { charged: number }[] } };
    return saved.accounts.records.reduce((sum, a) => sum + a.charged, 0);
  } catch {
    return -1; // not written yet
  }
};

describe('mock CLI --state', () => {
  it('keeps every account whole across a SIGKILL', async () => {
    const stateFile = join(dir, 'state.json');
    const args = ['--state', stateFile, '--quiet', '--job-step-ms', '600000'];
    const keys = ['mg_test_restart_a', 'mg_test_restart_b'];
    const first = startCli(args);
    const replays: { key: string; body: unknown }[] = [];
    const jobs: string[] = [];
    try {
      const url = await first.url();
      expect(first.output.out).toContain(`State: kept in ${stateFile}`);
      for (const key of keys) {
        await post(url, key, '/v2/images/generations', image);
        const once = await post(url, key, '/v2/videos/generations', video, {
          'idempotency-key': `once-${key}`,
        });
        replays.push({ key, body: once.body });
        const failing = { ...video, prompt: 'it ends [fail:generation_failed]' };
        const { id } = (await post(url, key, '/v2/videos/generations', failing)).body as { id: string };
        await control(url, 'POST', `jobs/${id}/advance`);
        jobs.push((once.body as { id: string }).id, id);
      }
      const charged = (await Promise.all(keys.map(k => booksOf(url, k)))).reduce(
        (s, b) => s + parseMoney(b.charged),
        0,
      );
      await vi.waitUntil(() => savedCharges(stateFile) === charged, { timeout: 15_000, interval: 20 });
      // The middle of a sequence: requests in flight, some answered, when the process dies.
      let answered = 0;
      for (let i = 0; i < 12; i++)
        void post(url, keys[i % 2]!, '/v2/images/generations', image, { 'idempotency-key': `late-${i}` })
          .then(() => answered++)
          .catch(() => {});
      await vi.waitUntil(() => answered >= 3, { timeout: 15_000, interval: 5 });
      first.child.kill('SIGKILL');
      await first.exited;
    } finally {
      first.child.kill('SIGKILL');
    }

    const second = startCli(args);
    try {
      const url = await second.url();
      for (const key of keys) {
        const books = await booksOf(url, key);
        const [start, charged, refunded] = [books.start, books.charged, books.refunded].map(parseMoney);
        expect(parseMoney(books.balance)).toBe(start! - charged! + refunded!);
        expect(refunded).toBeGreaterThan(0);
        for (const id of books.jobs)
          expect((await get(url, key, `/v2/videos/generations/${id}`)).status).toBe(200);
      }
      const kept = (await Promise.all(keys.map(k => booksOf(url, k)))).flatMap(b => b.jobs);
      expect(kept).toEqual(expect.arrayContaining(jobs));
      for (const { key, body } of replays) {
        const before = await booksOf(url, key);
        const again = await post(url, key, '/v2/videos/generations', video, {
          'idempotency-key': `once-${key}`,
        });
        expect(again.headers['idempotent-replayed']).toBe('true');
        expect(again.body).toEqual(body);
        expect((await booksOf(url, key)).charged).toBe(before.charged);
      }
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      second.child.kill('SIGKILL');
    }
  }, 60_000);

  it('refuses a corrupt state file with one line and exit 2', async () => {
    const stateFile = join(dir, 'corrupt.json');
    writeFileSync(stateFile, '{"version": 1, "accounts": {');
    const cli = startCli(['--state', stateFile]);
    expect(await cli.exited).toBe(2);
    expect(cli.output.err.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^mediagen-mock: state file ${stateFile}: not valid JSON \\(.+\\); refusing`),
      ),
    ]);
    expect(readFileSync(stateFile, 'utf8')).toBe('{"version": 1, "accounts": {');
  }, 30_000);
});
