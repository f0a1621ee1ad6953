// Helpers of the stateful mock tests: calls that hold every API answer to the contract, and the
// request bodies they use.
import { expect } from 'vitest';
import {
  createContractValidator,
  formatViolations,
  send,
  type RawRequest,
  type RawResponse,
} from '../../src/contract/index.ts';

export const validator = createContractValidator();
export const image = { model: 'seedream-5-lite', prompt: 'a lighthouse at dawn' };
export const video = { model: 'seedance-v1-pro', prompt: 'the beam sweeps the sea', duration: 5 as const };

export const headersFor = (key: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${key}`,
  'content-type': 'application/json',
  ...extra,
});

/** Sends the request and fails the test if the answer is outside the contract. */
export async function call(url: string, request: RawRequest): Promise<RawResponse> {
  const res = await send(url, request);
  if (!request.path.startsWith('/_mock/')) {
    const violations = validator.checkResponse(
      { method: request.method, path: request.path.split('?')[0]! },
      res,
    );
    expect(violations, `${request.method} ${request.path}: ${formatViolations(violations)}`).toEqual([]);
  }
  return res;
}

export const post = (
  url: string,
  key: string,
  path: string,
  body: unknown,
  extra: Record<string, string> = {},
) => call(url, { method: 'POST', path, headers: headersFor(key, extra), body: JSON.stringify(body) });
export const get = (url: string, key: string, path: string, extra: Record<string, string> = {}) =>
  call(url, { method: 'GET', path, headers: headersFor(key, extra) });
export const control = (url: string, method: string, path: string, body?: unknown) =>
  send(url, {
    method,
    path: `/_mock/${path}`,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
export const balanceOf = async (url: string, key: string) =>
  ((await get(url, key, '/v2/billing/balance')).body as { balance: number }).balance;
export const errorOf = (res: RawResponse) => (res.body as { error: Record<string, unknown> }).error;
