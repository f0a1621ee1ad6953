// The control routes' prefix is one constant (src/kernel/control-prefix.ts) that the mock and the
// proxy both read: no other code in src/ writes it, the mock answers its routes under it, the webhook
// tools ask there, and the proxy refuses it, as sent or decoded.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTROL_PREFIX } from '../../src/kernel/control-prefix.ts';
import { createMock } from '../../src/mock/index.ts';
import { webhooksRequest } from '../../src/mock/webhooks/cli.ts';
import { isControlPath } from '../../src/proxy/control-paths.ts';
import { sourceFiles } from '../house/structure.ts';

const mock = await createMock({ log: () => {} });
afterAll(() => mock.close());

/** The lines of a file that are code: comments may name the routes. */
const codeLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(line => !/^\s*(\/\/|\/\*|\*)/.test(line));

describe('one control prefix for the mock and the proxy', () => {
  it('is written in src/ once', () => {
    const name = CONTROL_PREFIX.slice(1);
    const writers = sourceFiles(['src']).filter(file => codeLines(file).some(line => line.includes(name)));
    expect(writers).toEqual(['src/kernel/control-prefix.ts']);
  });

  it('the mock answers its control routes under it, and the webhook tools ask there', async () => {
    const out = await mock.respond({
      method: 'POST',
      target: `${CONTROL_PREFIX}/reset`,
      headers: {},
      bytes: new Uint8Array(),
    });
    expect(out.kind === 'answer' && { status: out.status, body: JSON.parse(String(out.body)) }).toEqual({
      status: 200,
      body: { reset: 'all' },
    });
    expect(webhooksRequest(['list'])).toEqual({ method: 'GET', path: `${CONTROL_PREFIX}/deliveries` });
  });

  it('the proxy refuses it, as sent or decoded, and nothing that merely starts like it', () => {
    const encoded = CONTROL_PREFIX.replace(/[^/]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const paths = [CONTROL_PREFIX, `${CONTROL_PREFIX}/reset`, `${encoded}/reset`, `${CONTROL_PREFIX}x/reset`];
    expect(paths.map(isControlPath)).toEqual([true, true, true, false]);
  });
});
