// Callback URLs on names reserved for documentation (the contract's own example uses one) are never
// delivered to: the mock records the delivery as not sent and makes no request.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newWebhookSecret, reservedHost, WebhookSender } from '../../src/mock/webhooks.ts';

afterEach(() => vi.restoreAllMocks());

describe('webhook deliveries to reserved example names', () => {
  it('knows the reserved names, and only those', () => {
    const hosts = [
      'https://app.example.com/hooks',
      'https://EXAMPLE.org/x',
      'http://hooks.example/',
      'http://a.test:8080/',
      'https://x.invalid/',
      'http://127.0.0.1:4000/hooks',
      'https://example.company.com/',
      'https://mytest.dev/',
      'not a url',
    ];
    expect(hosts.map(reservedHost)).toEqual([
      'app.example.com',
      'example.org',
      'hooks.example',
      'a.test',
      'x.invalid',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('records a delivery there as not sent, without a request', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const sender = new WebhookSender({ secret: newWebhookSecret(), retryDelaysMs: [] });
    const delivery = await sender.send('https://app.example.com/hooks/mediagen', {
      type: 'video.generation.completed',
      data: {},
    });
    await sender.close();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(delivery).toMatchObject({
      state: 'not sent',
      attempts: [],
      outcome: expect.stringMatching(/^not sent: app\.example\.com is a reserved example name/),
    });
  });
});
