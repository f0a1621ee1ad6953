// Every option of createClient, of each call and of waitForVideo is checked when it is given: a value
// of the wrong type is a TypeError naming the entry point and the option, before any request is sent.
import { describe, expect, it, vi } from 'vitest';
import { createClient, waitForVideo, type ClientOptions } from '../../src/client/index.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fetch that answers a completed generation, and records what it was asked. */
const recordingFetch = () => vi.fn(async (_request: Request) => json(200, { status: 'completed' }));

const numbers = ['a number >= 0', [-1, NaN, '5', {}]] as const;
const typed = (type: string, bad: unknown[]) => [`of type ${type}`, bad] as const;

const clientOptions: Record<keyof ClientOptions, readonly [string, readonly unknown[]]> = {
  apiKey: typed('string', [42, {}, true]),
  baseUrl: typed('string', [42, new URL('http://127.0.0.1:1')]),
  fetch: typed('function', ['fetch', {}]),
  headers: typed('object', ['x-a: b', 1]),
  timeout: numbers,
  maxRetries: numbers,
  initialDelay: numbers,
  maxDelay: numbers,
  maxRetryWait: numbers,
};

describe('createClient', () => {
  for (const [name, [kind, bad]] of Object.entries(clientOptions)) {
    it(`refuses a bad ${name}, naming it`, () => {
      for (const value of bad)
        expect(() => createClient({ [name]: value })).toThrow(
          new TypeError(`createClient: ${name} must be ${kind}`),
        );
    });
  }

  it('refuses options that are not an object (a key passed alone, null)', () => {
    for (const value of ['sk_test_alone', null, 5])
      expect(() => createClient(value as ClientOptions)).toThrow(
        new TypeError('createClient: options must be an object'),
      );
  });

  it('takes the edges of each kind: 0, Infinity, an explicit undefined, the given fetch', async () => {
    const fetch = recordingFetch();
    const client = createClient({
      apiKey: undefined,
      baseUrl: 'http://127.0.0.1:1',
      fetch,
      headers: {},
      timeout: Infinity,
      maxRetries: 0,
      initialDelay: 0,
      maxDelay: 0,
      maxRetryWait: Infinity,
    });
    expect((await client.GET('/v2/billing/balance')).error).toBeUndefined();
    expect(fetch).toHaveBeenCalledOnce();
    expect(fetch.mock.calls[0]![0].url).toBe('http://127.0.0.1:1/v2/billing/balance');
  });
});

describe('each call', () => {
  const callOptions = {
    timeout: numbers,
    maxRetries: numbers,
    maxRetryWait: numbers,
    signal: typed('object', ['abort', 1]),
    // openapi-fetch's own per-call options of the same names as the client's are held alike.
    headers: typed('object', ['x-a: b']),
    fetch: typed('function', ['fetch']),
    baseUrl: typed('string', [1]),
  };
  for (const [name, [kind, bad]] of Object.entries(callOptions)) {
    it(`rejects a bad ${name} with a TypeError naming it, and sends nothing`, async () => {
      const fetch = recordingFetch();
      const client = createClient({ apiKey: 'sk_test_options', baseUrl: 'http://127.0.0.1:1', fetch });
      for (const value of bad) {
        await expect(client.GET('/v2/billing/balance', { [name]: value } as never)).rejects.toThrow(
          new TypeError(`GET: ${name} must be ${kind}`),
        );
        await expect(
          client.POST('/v2/images/generations', { body: { prompt: 'p' }, [name]: value } as never),
        ).rejects.toThrow(new TypeError(`POST: ${name} must be ${kind}`));
      }
      expect(fetch).not.toHaveBeenCalled();
    });
  }

  it("leaves names it does not know to openapi-fetch (a RequestInit's cache)", async () => {
    const fetch = recordingFetch();
    const client = createClient({ apiKey: 'sk_test_options', baseUrl: 'http://127.0.0.1:1', fetch });
    expect((await client.GET('/v2/billing/balance', { cache: 'no-store' })).error).toBeUndefined();
    expect(fetch.mock.calls[0]![0].cache).toBe('no-store');
  });

  it('a call with good options of its own is sent with them', async () => {
    const fetch = recordingFetch();
    const client = createClient({ apiKey: 'sk_test_options', baseUrl: 'http://127.0.0.1:1', fetch });
    const result = await client.GET('/v2/billing/balance', {
      timeout: 1000,
      maxRetries: 0,
      maxRetryWait: 0,
      signal: new AbortController().signal,
    });
    expect(result.error).toBeUndefined();
    expect(fetch).toHaveBeenCalledOnce();
  });
});

describe('waitForVideo', () => {
  const waitOptions = {
    interval: numbers,
    timeout: numbers,
    signal: typed('object', ['abort', 1]),
  };
  for (const [name, [kind, bad]] of Object.entries(waitOptions)) {
    it(`rejects a bad ${name} with a TypeError naming it, and polls nothing`, async () => {
      const fetch = recordingFetch();
      const client = createClient({ apiKey: 'sk_test_options', baseUrl: 'http://127.0.0.1:1', fetch });
      for (const value of bad)
        await expect(waitForVideo(client, 'vid_x', { [name]: value } as never)).rejects.toThrow(
          new TypeError(`waitForVideo: ${name} must be ${kind}`),
        );
      expect(fetch).not.toHaveBeenCalled();
    });
  }

  it('takes the edges: an interval of 0, no timeout, no signal', async () => {
    const fetch = recordingFetch();
    const client = createClient({ apiKey: 'sk_test_options', baseUrl: 'http://127.0.0.1:1', fetch });
    const { data } = await waitForVideo(client, 'vid_x', {
      interval: 0,
      timeout: Infinity,
      signal: undefined,
    });
    expect(data).toEqual({ status: 'completed' });
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('refuses options that are not an object', async () => {
    const client = createClient({ apiKey: 'sk_test_options', fetch: recordingFetch() });
    await expect(waitForVideo(client, 'vid_x', null as never)).rejects.toThrow(
      new TypeError('waitForVideo: options must be an object'),
    );
  });
});
