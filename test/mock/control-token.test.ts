// A control token: every /_mock/ request must carry it in X-Mock-Control-Token, else it is answered
// as a route that does not exist; the webhooks command sends it, and it is never printed.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { send } from '../../src/contract/index.ts';
import { createMock } from '../../src/mock/index.ts';
import { parseMockArgs } from '../../src/mock/cli-options.ts';
import { runWebhooksCommand } from '../../src/mock/webhooks/cli.ts';
import { startTestMock, type TestMock } from './start.ts';
import { validator } from './stateful-helpers.ts';

const TOKEN = 'tok-0123456789-secret';
let mock: TestMock;
beforeAll(async () => {
  mock = await startTestMock({ controlToken: TOKEN });
});
afterAll(() => mock.close());

const reset = (headers: Record<string, string>) =>
  send(mock.url, {
    method: 'POST',
    path: '/_mock/reset',
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('the control token', () => {
  it('is required: without it or with a wrong one, the route does not exist', async () => {
    const unknown = await send(mock.url, { method: 'POST', path: '/v2/no-such-route', headers: {} });
    const tries: Record<string, string>[] = [
      {},
      { 'x-mock-control-token': 'wrong' },
      { 'x-mock-control-token': `${TOKEN}x` },
    ];
    for (const headers of tries) {
      const res = await reset(headers);
      expect(res.status).toBe(404);
      expect(res.headers['x-request-id']).toMatch(/^req_/);
      expect(validator.checkResponse({ method: 'POST', path: '/v2/no-such-route' }, res)).toEqual([]);
      expect((res.body as { error: { code: string } }).error.code).toBe(
        (unknown.body as { error: { code: string } }).error.code,
      );
    }
    const ok = await reset({ 'x-mock-control-token': TOKEN });
    expect(ok).toMatchObject({ status: 200, body: { reset: 'all' } });
  });

  it('is sent by the webhooks command, from --control-token or MEDIAGEN_CONTROL_TOKEN, never printed', async () => {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation(line => void out.push(String(line)));
    vi.spyOn(console, 'error').mockImplementation(line => void out.push(String(line)));
    try {
      expect(await runWebhooksCommand(['list', '--mock', mock.url], {})).toBe(1);
      expect(await runWebhooksCommand(['list', '--mock', mock.url, '--control-token', TOKEN], {})).toBe(0);
      expect(await runWebhooksCommand(['list', '--mock', mock.url], { MEDIAGEN_CONTROL_TOKEN: TOKEN })).toBe(
        0,
      );
    } finally {
      vi.restoreAllMocks();
    }
    expect(out.join('\n')).not.toContain(TOKEN);
    expect(mock.lines.join('\n')).not.toContain(TOKEN);
  });

  it('is checked when given, naming the option', async () => {
    expect(parseMockArgs([], { MEDIAGEN_CONTROL_TOKEN: TOKEN })).toMatchObject({
      options: { controlToken: TOKEN },
    });
    expect(parseMockArgs(['--control-token', TOKEN])).toMatchObject({ options: { controlToken: TOKEN } });
    expect(() => parseMockArgs(['--control-token', 'has space'])).toThrow(/--control-token/);
    await expect(createMock({ controlToken: '' })).rejects.toThrow(/controlToken/);
  });
});
