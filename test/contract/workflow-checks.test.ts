// The suite's part of the workflows that needs no server: the balance arithmetic in micro-units, the
// runtime expressions it reads (and refuses), and `npm run workflows` refusing bad usage.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { root } from '../../scripts/root.ts';
import type { RawResponse } from '../../src/contract/http.ts';
import { runContractSuite } from '../../src/contract/index.ts';
import { fellBy, unchanged, usageAddsUp } from '../../src/contract/workflows/balance-checks.ts';
import { ExpressionError, holds, resolve } from '../../src/contract/workflows/expressions.ts';
import { runOf } from './workflow-run.ts';

const answer = (body: unknown): RawResponse => ({
  status: 200,
  headers: { 'retry-after': '2' },
  text: '',
  body,
});

describe('balance arithmetic', () => {
  it('is exact where floating point is not: 99.96 - 99.92 is 0.04', () => {
    const run = runOf({
      'balance-before': { balance: 99.96 },
      'balance-after': { balance: 99.92 },
      x: { cost: 0.04 },
    });
    expect(fellBy(run, 'x', 'it cost')).toEqual([]);
  });

  it('reports a refund that did not come', () => {
    const run = runOf({ 'balance-before': { balance: 100 }, 'balance-after': { balance: 99.5 } });
    expect(unchanged(run, 'refunded')).toEqual([
      { kind: 'balance differs from the answers', where: 'balance', message: 'moved by -0.5: refunded' },
    ]);
  });

  it('reports usage whose total is not unit_price × quantity', () => {
    const run = runOf({}, { poll: answer({ usage: { total_cost: 0.6, unit_price: 0.1, quantity: 5 } }) });
    expect(usageAddsUp(run, 'poll')).toEqual([
      {
        kind: 'total_cost not unit_price × quantity',
        where: 'step poll: body/usage/total_cost',
        message: '0.6 is not unit_price 0.1 × quantity 5',
      },
    ]);
  });

  it('reports an output that is not an amount', () => {
    const run = runOf({ 'balance-before': { balance: '100' }, 'balance-after': { balance: 99 } });
    expect(unchanged(run, 'x')).toEqual([
      {
        kind: 'output not an amount',
        where: 'step balance-before: outputs/balance',
        message: '"100" is not an amount',
      },
    ]);
  });
});

describe('runtime expressions', () => {
  const ctx = {
    inputs: { run_id: 'r1' },
    steps: { a: { outputs: { n: 3 } } },
    response: answer({ s: 'ok' }),
  };

  it('reads inputs, outputs, body pointers and headers, and embeds them in strings', () => {
    expect(resolve({ p: 'run {$inputs.run_id}', id: '$steps.a.outputs.n' }, ctx)).toEqual({
      p: 'run r1',
      id: 3,
    });
    expect(holds("$response.body#/s == 'ok'", ctx)).toBe(true);
    expect(holds('$response.header.Retry-After < $steps.a.outputs.n', ctx)).toBe(true);
  });

  it('refuses what it cannot read, naming it, rather than letting a step pass', () => {
    expect(() => holds('$statusCode == 200 && $statusCode < 300', ctx)).toThrow(ExpressionError);
    expect(() => holds('$response.body#/missing == 1', ctx)).toThrow(
      '$response.body#/missing: the body has no value there',
    );
    expect(() => resolve('$inputs.nope', ctx)).toThrow('$inputs.nope: no such input');
  });
});

describe('the workflow options', () => {
  it('are checked before any request, naming the option', async () => {
    const base = { baseUrl: 'http://127.0.0.1:9', apiKey: 'k' };
    await expect(runContractSuite({ ...base, maxRetryAfterMs: -1 })).rejects.toThrow(
      'maxRetryAfterMs must be a positive integer of ms up to 2147483647, got -1',
    );
    await expect(runContractSuite({ ...base, webhookSecret: 'hunter2' })).rejects.toThrow(
      'webhookSecret must be a Standard Webhooks secret',
    );
  });
});

describe('npm run workflows', () => {
  it('refuses bad usage with exit 2, naming the option', async () => {
    const ran = await promisify(execFile)(`${root}node_modules/.bin/tsx`, [
      `${root}scripts/workflows.ts`,
      'http://127.0.0.1:9',
      '--key',
      'k',
      '--max-time',
      '5s',
    ]).catch(err => err);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("workflows: --max-time: '5s' is not a positive number of milliseconds");
  });
});
