// The contract CLI bounded: an answer too big or too slow is a violation (never a crash or a hang),
// every option of `mediagen-contract test` is checked when given, and a key a server echoes is redacted.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createContractValidator, send } from '../../src/contract/index.ts';
import { runScenario } from '../../src/contract/suite.ts';
import { answerLimits } from '../../src/contract/answer-limits.ts';
import { runCli } from './run-cli.ts';

const servers: Server[] = [];
async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterAll(() => {
  for (const server of servers) (server.closeAllConnections(), server.close());
});

/** Announces 50 MB and writes it as fast as the reader takes it, until the connection goes. */
const huge: RequestListener = (req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50_000_000) });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const pump = () => {
    while (!res.destroyed && sent < 50_000_000 && res.write(chunk)) sent += chunk.length;
  };
  res.on('drain', pump);
  pump();
};

/** One byte every 100 ms, for ever. */
const drip: RequestListener = (req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  const timer = setInterval(() => res.write(' '), 100);
  res.on('close', () => clearInterval(timer));
};

const models = { method: 'GET', path: '/v2/models', headers: { authorization: 'Bearer mg_test' } };

describe('answers the CLI reads', () => {
  it('drops an answer over the byte cap', async () => {
    const url = await serve(huge);
    await expect(send(url, models, { maxAnswerBytes: 256 * 1024 })).rejects.toThrow(
      'answer over 262144 bytes',
    );
  });

  it('drops an answer that drips past the deadline, though bytes keep coming', async () => {
    // The drip never ends and never idles 400 ms: only a whole-answer deadline can give this error.
    const url = await serve(drip);
    await expect(send(url, models, { timeoutMs: 400 })).rejects.toThrow('no answer within 400 ms');
  });

  it('reports either as a violation of the scenario', async () => {
    const validator = createContractValidator();
    const scenario = { name: 'models', request: models, expect: { status: 200 } } as never;
    const result = await runScenario(validator, await serve(huge), scenario, { maxAnswerBytes: 1024 });
    expect(result.violations).toEqual([
      { kind: 'no answer', where: 'request', message: 'no answer: answer over 1024 bytes' },
    ]);
  });

  it('checks the limits it is given', () => {
    expect(() => answerLimits({ timeoutMs: 0 })).toThrow(
      'timeoutMs must be a positive integer of ms up to 2147483647, got 0',
    );
    // Past what a timer holds, the deadline would fire at once and fail every answer.
    expect(() => answerLimits({ timeoutMs: 2 ** 31 })).toThrow('timeoutMs must be a positive integer of ms');
    expect(() => answerLimits({ maxAnswerBytes: 1.5 })).toThrow('maxAnswerBytes must be a positive integer');
  });
});

const run = (args: string[]) => runCli('src/contract/cli.ts', args, { MEDIAGEN_API_KEY: '' });

describe('mediagen-contract test', () => {
  it('checks every option when given, naming it (exit 2)', async () => {
    const url = 'http://127.0.0.1:9';
    const cases: [string[], string][] = [
      [['--concurrency', '0'], "--concurrency must be a positive integer, got '0'"],
      [['--timeout', '1e3'], "--timeout must be a positive integer of ms up to 2147483647, got '1e3'"],
      [['--max-answer-bytes=-1'], "--max-answer-bytes must be a positive integer, got '-1'"],
      [['--key', ' '], '--key must not be empty'],
      [['--forced=yes'], "'--forced' does not take an argument"],
    ];
    const results = await Promise.all(cases.map(([args]) => run(['test', url, '--key', 'k', ...args])));
    results.forEach((result, i) => {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(cases[i]![1]);
    });
  });

  it('never prints the key a server echoes back, in any form', async () => {
    const KEY = 'mg_live_"Echo\\Key9';
    const url = await serve((req, res) => {
      req.resume();
      const echo = `${req.headers.authorization} ${encodeURIComponent(KEY)} ${KEY.toUpperCase()}`;
      // The report quotes an answer's X-Request-Id, and a body that differs from an example.
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': echo });
      res.end(JSON.stringify({ echo }));
    });
    const result = await run(['test', url, '--key', KEY, '--forced', '--timeout', '2000']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('[redacted]');
    expect(result.stdout.toLowerCase()).not.toContain('key9');
  });
});
