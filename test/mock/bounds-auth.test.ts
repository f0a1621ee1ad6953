// One reading of `Authorization` on every operation: a header with no usable
// key (whitespace inside it, another scheme, no key) is a contract 401 `reason: malformed`, never an
// example answered with no account, no charge and no limit.
import { describe, expect, it } from 'vitest';
import { createMockFetch } from '../../src/mock/index.ts';
import { image, validator, video } from './stateful-helpers.ts';

const mockFetch = createMockFetch({ log: () => {} });
const calls = [
  { operation: 'generateImage', method: 'POST', path: '/v2/images/generations', body: image },
  { operation: 'createVideoGeneration', method: 'POST', path: '/v2/videos/generations', body: video },
  {
    operation: 'getVideoGeneration',
    method: 'GET',
    path: '/v2/videos/generations/vid_01M8RHCNYSWY49RK48KYE5ZTTM',
  },
  { operation: 'listModels', method: 'GET', path: '/v2/models' },
  { operation: 'getBalance', method: 'GET', path: '/v2/billing/balance' },
];
const malformed = ['Bearer a b', 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer\tkey'];

describe('a malformed Authorization header', () => {
  it.each(calls)('is a 401 reason malformed on $operation', async ({ operation, method, path, body }) => {
    for (const authorization of malformed) {
      const res = await mockFetch(`https://api.mediagen.test${path}`, {
        method,
        headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const answer = { status: res.status, headers: Object.fromEntries(res.headers), body: await res.json() };
      expect([
        authorization,
        answer.status,
        (answer.body as { error: { reason: string } }).error.reason,
      ]).toEqual([authorization, 401, 'malformed']);
      expect(validator.checkResponse(operation, answer)).toEqual([]);
    }
  });
});
