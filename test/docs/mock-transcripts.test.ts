// The runs of the mock pasted into the guides (curl against `npx mediagen-mock`, the webhook tools)
// cannot drift from the mock and its fixtures table: each is run again, against a mock on 127.0.0.1
// port 0 with its state reset, and must print the same. Ids, times, expiries and signatures are
// matched by their shape and must be one run's (test/docs/transcript-match.ts); prices, sizes,
// statuses and every header shown must be equal. A -I shows some of the headers, each must be there.
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { root } from '../../scripts/root.ts';
import { CONTROL_PREFIX } from '../../src/kernel/control-prefix.ts';
import { startMockServer } from '../../src/mock/index.ts';
import type { MockServer } from '../../src/mock/types.ts';
import { runWebhooksCommand } from '../../src/mock/webhooks/cli.ts';
import { curl } from './curl.ts';
import { TranscriptMatch } from './transcript-match.ts';
import { readTranscripts, words, type Step, type Transcript } from './transcripts.ts';

const MOCK_RUN = /^(?:curl |npx mediagen-mock webhooks )/;
// The guides (docs/maintainers/ shows no run of the mock).
const held = readdirSync(join(root, 'docs'))
  .filter(name => name.endsWith('.md'))
  .flatMap(name => readTranscripts(root, `docs/${name}`))
  .filter(t => MOCK_RUN.test(t.steps[0]!.command));

let mock: MockServer;
let receiver: Server;
let receiverUrl: string;

beforeAll(async () => {
  mock = await startMockServer({ port: 0, host: '127.0.0.1', log: () => {} });
  receiver = createServer((_req, res) => res.writeHead(204).end()).listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await mock?.close();
  receiver?.close();
});

/** Where the guides' runs found the mock and a webhook receiver, and where they are here. */
const addresses = (): [string, string][] => [
  ['http://127.0.0.1:4711', mock.url],
  ['localhost:4010', mock.url.replace('http://', '')],
  ['http://127.0.0.1:4700', receiverUrl],
];

/** What the webhook tools print for `command`, run against this mock. */
async function webhooks(command: string): Promise<string> {
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  try {
    expect(await runWebhooksCommand(words(command).slice(3))).toBe(0);
  } finally {
    log.mockRestore();
  }
  return printed.join('\n');
}

/** Each header line shown (the status line first) against the same header of today's answer. */
function compareHead(match: TranscriptMatch, shown: string[], head: string[]): string[] {
  const name = (line: string) => line.slice(0, line.indexOf(':')).toLowerCase();
  return shown.flatMap((line, i) => {
    const today = i === 0 ? head[0]! : head.slice(1).find(h => name(h) === name(line));
    return today === undefined ? [`no ${name(line)} header today`] : match.compare(line, today);
  });
}

/** Runs one step; `urls` are the URLs asked for so far (a guide may shorten the next to `.../`). */
async function replay(match: TranscriptMatch, step: Step, urls: string[]): Promise<string[]> {
  const command = match.command(step.command);
  if (command.startsWith('npx mediagen-mock webhooks '))
    return match.compare(step.output.join('\n'), await webhooks(command));
  const { url, show, head, body } = await curl(command, urls.at(-1));
  urls.push(url);
  const blank = step.output.indexOf('');
  const pasted = {
    body: () => match.compare(step.output.join('\n'), body.replace(/\n$/, '')),
    head: () => compareHead(match, step.output, head),
    both: () => [
      ...compareHead(match, step.output.slice(0, blank), head),
      ...match.compare(step.output.slice(blank + 1).join('\n'), body.replace(/\n$/, '')),
    ],
    nothing: () => (step.output.length ? [`printed nothing today, pasted: ${step.output.join('\n')}`] : []),
  };
  return pasted[show]();
}

it('finds the runs of the mock pasted into docs/mock.md', () => {
  expect(held.filter(t => t.page === 'docs/mock.md').map(t => t.steps[0]!.command.split(' ')[0])).toEqual([
    'curl',
    'curl',
    'npx',
  ]);
});

it.each(held.map(t => [`${t.page}:${t.line}`, t] as [string, Transcript]))(
  '%s prints today what it shows',
  async (_where, transcript) => {
    expect((await fetch(new URL(`${CONTROL_PREFIX}/reset`, mock.url), { method: 'POST' })).status).toBe(200);
    const text = transcript.steps.map(s => [s.command, ...s.output].join('\n')).join('\n');
    const match = new TranscriptMatch(addresses().filter(([pasted]) => text.includes(pasted)));
    const problems: string[] = [];
    const urls: string[] = [];
    for (const step of transcript.steps)
      problems.push(...(await replay(match, step, urls)).map(p => `$ ${step.command}\n${p}`));
    expect(problems).toEqual([]);
  },
);
