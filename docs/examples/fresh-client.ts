// A client with a key of its own: each key is its own account on the mock (balance, jobs, rate
// window, idempotency records), so tests that run at the same time never see each other's state.
import { randomUUID } from 'node:crypto';
import { createClient } from '@mediagen/client';

export function freshClient() {
  const baseUrl = process.env.MEDIAGEN_BASE_URL;
  if (!baseUrl) throw new Error('MEDIAGEN_BASE_URL is not set: is global-setup.ts the globalSetup?');
  return createClient({ baseUrl, apiKey: `mg_test_${randomUUID()}`, maxRetries: 0 });
}
