// The mock's console pasted into docs/mock.md (its start banner, then a line per request and per
// webhook delivery) cannot drift from what `npx mediagen-mock` prints: the CLI is started on port 0
// and sent what the pasted lines record (a video request missing its prompt, then one that fails with a
// webhook to a receiver), and its output must match the paste as test/docs/transcript-match.ts does.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { root } from '../../scripts/root.ts';
import { TranscriptMatch } from './transcript-match.ts';

const BANNER = 'Mediagen mock (Prism ';
const guide = readFileSync(join(root, 'docs/mock.md'), 'utf8');
const pasted = guide.slice(guide.indexOf(`\`\`\`text\n${BANNER}`) + 8).split('\n```')[0]!;

let cli: ChildProcess;
let receiver: Server;
const printed: string[] = [];

/** Resolves when the CLI has printed a line that passes `test`. */
function printedLine(test: (line: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const look = () => {
      const line = printed.find(test);
      if (line === undefined) return;
      cli.stdout!.off('data', look);
      resolve(line);
    };
    cli.stdout!.on('data', look);
    cli.once('exit', code => reject(new Error(`the mock exited (${code}); it printed:\n${printed.join('\n')}`)));
    look();
  });
}

beforeAll(async () => {
  receiver = createServer((_req, res) => res.writeHead(204).end()).listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  const { MEDIAGEN_WEBHOOK_SECRET, ...env } = process.env;
  // Jobs move on every 5 ms, so the failed video's webhook goes out without polls.
  cli = spawn(process.execPath, ['--import', 'tsx', 'src/mock/cli.ts', '--port', '0', '--job-step-ms', '5'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let rest = '';
  cli.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    printed.push(...lines);
  });
});

afterAll(async () => {
  if (cli?.exitCode === null) {
    cli.kill();
    await once(cli, 'exit');
  }
  receiver?.close();
});

it('prints the banner and the request and webhook lines the mock guide shows', async () => {
  const mockUrl = (await printedLine(l => l.startsWith(BANNER))).split(' listening on ')[1]!;
  const hooks = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const create = (body: object) =>
    fetch(`${mockUrl}/v2/videos/generations`, {
      method: 'POST',
      headers: { Authorization: 'Bearer mg_test_123', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  expect((await create({ model: 'seedance-v1-pro' })).status).toBe(400);
  const prompt = 'a red fox in the snow [fail:face_detected]';
  const callback_url = `${hooks}/hooks`;
  expect((await create({ model: 'seedance-v1-pro', prompt, callback_url })).status).toBe(202);
  await printedLine(l => l.startsWith('webhook '));
  const match = new TranscriptMatch([
    ['http://127.0.0.1:4010', mockUrl],
    ['http://127.0.0.1:4519', hooks],
  ]);
  expect(match.compare(pasted, printed.join('\n'))).toEqual([]);
});
