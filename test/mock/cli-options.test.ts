// The CLI's options, parsed by one function: defaults, every option, and one clear line for each
// bad value (a bad fixtures file names the file and the problem in it).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMockArgs, UsageError } from '../../src/mock/cli-options.ts';
import { defaultFixtures } from '../../src/mock/fixtures/default.ts';

const dir = mkdtempSync(join(tmpdir(), 'mock-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const serve = (args: string[]) => {
  const command = parseMockArgs(args, {});
  if (command.kind !== 'serve') throw new Error(`expected serve, got ${command.kind}`);
  return command.options;
};

describe('mock CLI options', () => {
  it('reads every option', () => {
    const fixtures = file('ok.json', JSON.stringify({ models: defaultFixtures.models.slice(0, 1) }));
    const options = serve([
      '--port',
      '0',
      '--fixtures',
      fixtures,
      '--balance',
      '2.50',
      '--rate-limit',
      '60/min',
      '--max-concurrent',
      'off',
      '--latency',
      '100-300',
      '--faults',
      '0.25:cut',
      '--control',
    ]);
    expect(options).toMatchObject({
      port: 0,
      balance: '2.50',
      rateLimit: 60,
      maxConcurrent: null,
      latency: { kind: 'range', min: 100, max: 300 },
      faults: { rate: 0.25, kinds: ['cut'] },
      control: 'on',
    });
    expect([...(options.fixtures as { models: Map<string, unknown> }).models.keys()]).toEqual([
      'seedream-5-lite',
    ]);
    expect(serve([])).toMatchObject({ port: 4010 });
    expect(serve(['--rate-limit', 'off', '--no-control'])).toMatchObject({ rateLimit: null, control: 'off' });
    expect(parseMockArgs(['--print-test-values'], {}).kind).toBe('print-test-values');
  });

  it.each([
    [['--balance', '1.2.3'], /^--balance: '1\.2\.3' is not an amount/],
    [
      ['--rate-limit', '5/hour'],
      /^--rate-limit must be a positive integer \(optionally \/min\) or off, got '5\/hour'$/,
    ],
    [['--max-concurrent', '0'], /^--max-concurrent must be a positive integer or off/],
    [['--latency', 'fast'], /^--latency: latency must be ms/],
    [['--faults', '2'], /^--faults: faults must be a share from 0 to 1/],
    [['--faults', '0.1:boom'], /^--faults: unknown fault 'boom'/],
    [['--control', '--no-control'], /contradict/],
    [
      ['--fixtures', '/nonexistent/f.json'],
      /^--fixtures: \/nonexistent\/f\.json: cannot be read \(ENOENT\)$/,
    ],
    [['--fixtures', file('bad.json', '{"models": [')], /^--fixtures: .*bad\.json: not JSON/],
    [
      [
        '--fixtures',
        file('shape.json', JSON.stringify({ models: [{ ...defaultFixtures.models[0], price: 'free' }] })),
      ],
      /^--fixtures: .*shape\.json: \/models\/0\/price 'free' is not an amount/,
    ],
    [
      [
        '--fixtures',
        file(
          'codes.json',
          JSON.stringify({
            models: defaultFixtures.models,
            test_values: [
              { kind: 'api_key', value: 'k', note: '', operation: 'listModels', error: 'teapot' },
            ],
          }),
        ),
      ],
      /^--fixtures: .*codes\.json: \/test_values\/0\/error must be equal to one of the allowed values/,
    ],
  ])('refuses %j with one line', (args, message) => {
    let error: unknown;
    try {
      parseMockArgs(args, {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('mock CLI options of state and webhook retries', () => {
  it('reads --state, --webhook-retries and --webhook-time-scale', () => {
    expect(
      serve(['--state', 'mock.json', '--webhook-retries', '500ms,1s,5m,2h', '--webhook-time-scale', '0.001']),
    ).toMatchObject({
      stateFile: 'mock.json',
      webhookRetryDelaysMs: [500, 1000, 300_000, 7_200_000],
      webhookTimeScale: 0.001,
    });
    expect(serve(['--webhook-retries', 'contract']).webhookRetryDelaysMs).toBe('contract');
    expect(serve(['--webhook-retries', 'none']).webhookRetryDelaysMs).toEqual([]);
  });

  it('refuses a bad value with one line naming the option', () => {
    expect(() => serve(['--webhook-retries', '1s,soon'])).toThrow(/^--webhook-retries: expected contract/);
    expect(() => serve(['--webhook-time-scale', '0'])).toThrow(
      /^--webhook-time-scale must be a positive number/,
    );
    expect(() => serve(['--state', ''])).toThrow(UsageError);
  });
});
