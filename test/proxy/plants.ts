// A deliberately broken upstream: each route plants its own violations under its own request id
// (test/proxy/broken-upstream.test.ts checks the proxy reports each once; har.test.ts that a HAR of
// them checked offline finds the same). Its answers echo the caller's key, in full and in part.
import type { RequestListener } from 'node:http';
import { send } from '../../src/contract/index.ts';
import { FRAGMENT } from '../../src/proxy/redact.ts';
import { envelope } from '../contract/broken-server.ts';
import type { TestProxy } from './start.ts';

export const KEY = 'mg_live_7Qx9ZkP2wR4tYb8NvC3m';

export interface Plant {
  method: string;
  path: string;
  /** What the upstream answers. */
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** The violations the proxy must report, by `where`, under `headers['x-request-id']`. */
  planted: string[];
}

const json = { 'content-type': 'application/json' };
export const plants: Plant[] = [
  {
    method: 'GET',
    path: '/v2/billing/balance',
    status: 200,
    headers: { ...json, 'x-request-id': 'req_plant_currency' },
    body: { balance: 1, currency: 'usd' },
    planted: ['body/currency'],
  },
  {
    method: 'GET',
    path: '/v2/models',
    status: 200,
    headers: { ...json, 'x-request-id': 'req_plant_models' },
    body: [{ id: 'm', name: 'M', type: 'audio', created_at: 'yesterday' }],
    planted: ['body/0/type', 'body/0/created_at'],
  },
  {
    method: 'GET',
    path: '/v2/models?type=audio',
    status: 422,
    headers: { ...json, 'x-request-id': 'req_plant_status' },
    body: envelope('invalid_parameter', 'req_plant_status'),
    planted: ['status'],
  },
  {
    method: 'GET',
    path: '/v2/models?type=sound',
    status: 400,
    headers: { ...json, 'x-request-id': 'req_plant_id' },
    body: envelope('invalid_parameter', 'req_OTHER'),
    planted: ['body/error/request_id'],
  },
  {
    method: 'GET',
    path: `/v2/videos/generations/vid_${'0'.repeat(26)}`,
    status: 404,
    headers: { ...json, 'x-request-id': 'req_plant_code' },
    body: envelope('rate_limit', 'req_plant_code'),
    planted: ['body/error/code'],
  },
  {
    method: 'POST',
    path: '/v2/videos/generations',
    status: 429,
    headers: { ...json, 'x-request-id': 'req_plant_headers' },
    body: envelope('rate_limit', 'req_plant_headers'),
    planted: [
      'header Retry-After',
      'header X-RateLimit-Limit',
      'header X-RateLimit-Remaining',
      'header X-RateLimit-Reset',
    ],
  },
  // The key in full and in part, where the validator quotes what it found.
  {
    method: 'GET',
    path: '/v2/models?type=video',
    status: 429,
    headers: {
      ...json,
      'x-request-id': 'req_plant_secret',
      'retry-after': KEY,
      'x-ratelimit-limit': '60',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': KEY.slice(3, 15),
    },
    body: envelope('rate_limit', 'req_plant_secret', {
      message: `Too many requests for key ${KEY}`,
    }),
    planted: ['header Retry-After', 'header X-RateLimit-Reset'],
  },
  {
    method: 'GET',
    path: '/v2/nope',
    status: 200,
    headers: { ...json, 'x-request-id': 'req_plant_route' },
    body: {},
    planted: ['status', 'body'],
  },
];
export const conforming: Plant = {
  method: 'GET',
  path: '/v2/billing/balance?ok',
  status: 200,
  headers: { ...json, 'x-request-id': 'req_ok' },
  body: { balance: 42.5, currency: 'USD' },
  planted: [],
};
/** Not JSON, with the key in it: a bad upstream, not a violation. */
export const notJson = {
  method: 'POST',
  path: '/v2/images/generations',
  body: `Unauthorized: the key ${KEY} is revoked`,
};

export const call = (proxy: TestProxy, p: { method: string; path: string }) =>
  send(proxy.url, {
    method: p.method,
    path: p.path,
    headers: {
      authorization: `Bearer ${KEY}`,
      ...(p.method === 'POST' ? { 'content-type': 'application/json' } : {}),
    },
    ...(p.method === 'POST' ? { body: '{}' } : {}),
  });

/** Every run of FRAGMENT characters of the key found in `text`. */
export const leaks = (text: string) =>
  Array.from({ length: KEY.length - FRAGMENT + 1 }, (_, i) => KEY.slice(i, i + FRAGMENT)).filter(part =>
    text.includes(part),
  );

/** The upstream: each plant's answer; anything else, a text body with the key in it. */
export const plantedUpstream: RequestListener = (req, res) => {
  req.resume();
  const plant = [...plants, conforming].find(p => p.method === req.method && p.path === req.url);
  if (plant) {
    res.writeHead(plant.status, plant.headers);
    return res.end(JSON.stringify(plant.body));
  }
  res.writeHead(200, { 'content-type': 'text/plain', 'x-request-id': 'req_plant_text' });
  res.end(notJson.body);
};
