// Keys are redacted in every form they may be echoed in, from every header and query parameter the
// proxy knows as a credential: unit table, then through the proxy with an upstream that echoes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../src/contract/index.ts';
import { credentialsOf, redactor } from '../../src/proxy/redact.ts';
import { startTestProxy, startUpstream, type TestProxy, type TestUpstream } from './start.ts';

const KEY = 'mg_live_7Qx9ZkP2wR4tYb8NvC3m';
const QUOTED = 'mg_"\\"\\"\\"\\_key';
const escaped = (s: string) => JSON.stringify(s).slice(1, -1);

const forms: [string, string, string][] = [
  ['exact', KEY, KEY],
  ['upper case', KEY, KEY.toUpperCase()],
  ['lower case', KEY, KEY.toLowerCase()],
  ['URL-encoded', 'mg/live+key=7Qx9Zk', encodeURIComponent('mg/live+key=7Qx9Zk')],
  [
    'URL-encoded, lower-case hex',
    'mg/live+key=7Qx9Zk',
    encodeURIComponent('mg/live+key=7Qx9Zk').toLowerCase(),
  ],
  ['JSON-escaped', QUOTED, escaped(QUOTED)],
  ['JSON-escaped twice', QUOTED, escaped(escaped(QUOTED))],
];

describe('redaction of every form', () => {
  it.each(forms)('%s', (_name, key, echoed) => {
    expect(redactor(key)(`before ${echoed} after`)).toBe('before [redacted] after');
  });

  const requests: [string, Record<string, string>, string][] = [
    ['Bearer', { authorization: `Bearer ${KEY}` }, '/v2/models'],
    ['BEARER', { authorization: `BEARER ${KEY}` }, '/v2/models'],
    ['bearer', { authorization: `bearer ${KEY}` }, '/v2/models'],
    ['X-Api-Key', { 'x-api-key': KEY }, '/v2/models'],
    ['?api_key=', {}, `/v2/models?api_key=${encodeURIComponent(KEY)}`],
    ['?key=', {}, `/v2/models?type=video&key=${encodeURIComponent(KEY)}`],
    ['?token=', {}, `/v2/models?token=${encodeURIComponent(KEY)}`],
  ];
  it.each(requests)('takes the credential from %s', (_name, headers, url) => {
    expect(credentialsOf(headers, url)).toEqual([KEY]);
  });
});

describe('through the proxy', () => {
  let upstream: TestUpstream;
  let proxy: TestProxy;
  beforeAll(async () => {
    // Echoes every credential back in a body that is not JSON: the proxy quotes it in its 502 and log.
    upstream = await startUpstream((req, res) => {
      req.resume();
      const echo = `${req.headers.authorization ?? ''} ${req.headers['x-api-key'] ?? ''} ${req.url}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`oops ${JSON.stringify(echo).toUpperCase()}`);
    });
    proxy = await startTestProxy(upstream.url);
  });
  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  it.each([
    ['Bearer', { authorization: `bEaReR ${QUOTED}` }, '/v2/models'],
    ['X-Api-Key', { 'x-api-key': KEY }, '/v2/models'],
    ['?api_key=', { authorization: 'Bearer mg_test_other' }, `/v2/models?api_key=${encodeURIComponent(KEY)}`],
  ])('never writes a key sent as %s', async (_name, headers, path) => {
    const before = proxy.lines.length;
    const answer = await send(proxy.url, { method: 'GET', path, headers });
    expect(answer.status).toBe(502);
    const written = [answer.text, ...proxy.lines.slice(before)].join('\n');
    expect(written).toContain('[redacted]');
    for (const key of [KEY, QUOTED])
      for (const form of [key, encodeURIComponent(key), escaped(key)])
        expect(written.toLowerCase()).not.toContain(form.toLowerCase().slice(4, 10));
  });
});
