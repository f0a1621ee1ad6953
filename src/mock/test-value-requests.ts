// The request that shows each test value, made from its row of the fixtures: the operation the row
// names, a valid body for the first model of that type, and the value where its kind says it is
// typed (a video's reference image with the `role` the contract requires). The tables print it and
// a test sends it, so a reader copying a row gets the answer the row promises.
import type { Fixtures, ModelType, TestValue, TestValueOperation } from './fixtures.ts';

export interface TryRequest {
  method: 'GET' | 'POST';
  path: string;
  /** Headers beyond `Authorization` (the row's key, or any key) and a JSON `Content-Type`. */
  headers: Record<string, string>;
  /** The key the row needs, when it is an API key; any other key shows the rest. */
  key?: string;
  /** The raw body, when the operation takes one. */
  body?: string;
}

const ROUTE: Record<TestValueOperation, { method: 'GET' | 'POST'; path: string; type?: ModelType }> = {
  listModels: { method: 'GET', path: '/v2/models' },
  generateImage: { method: 'POST', path: '/v2/images/generations', type: 'image' },
  createVideoGeneration: { method: 'POST', path: '/v2/videos/generations', type: 'video' },
  getVideoGeneration: { method: 'GET', path: '/v2/videos/generations/' },
};

const PROMPT = 'a lighthouse at dawn';

/** A valid body of the operation with the test value where its kind is typed. */
function bodyFor(t: TestValue, fixtures: Fixtures, type: ModelType): Record<string, unknown> {
  const model = [...fixtures.models.values()].find(m => m.type === type)?.id ?? '';
  const body: Record<string, unknown> = { model, prompt: PROMPT };
  if (t.kind === 'model') body.model = t.value;
  if (t.kind === 'prompt_tag') body.prompt = `${PROMPT} ${t.value}`;
  if (t.kind === 'media_url')
    body.images = [type === 'video' ? { url: t.value, role: 'reference_image' } : { url: t.value }];
  return body;
}

export function tryRequest(t: TestValue, fixtures: Fixtures): TryRequest {
  const route = ROUTE[t.operation];
  const request: TryRequest = {
    method: route.method,
    path: t.kind === 'generation_id' ? route.path + t.value : route.path,
    headers: {},
  };
  if (t.kind === 'api_key') request.key = t.value;
  if (t.kind === 'idempotency_key') request.headers['idempotency-key'] = t.value;
  if (t.content_type !== undefined) request.headers['content-type'] = t.content_type;
  if (t.kind === 'input') request.body = t.body;
  else if (route.type) request.body = JSON.stringify(bodyFor(t, fixtures, route.type));
  return request;
}

const HEADER_NAMES: Record<string, string> = {
  'idempotency-key': 'Idempotency-Key',
  'content-type': 'Content-Type',
};

/** The request as a reader types it: `POST /v2/… {body}`, with the key and headers it needs. */
export function requestText(r: TryRequest): string {
  const headers = Object.entries(r.headers).map(([name, value]) => `${HEADER_NAMES[name] ?? name}: ${value}`);
  if (r.key !== undefined) headers.unshift(`Authorization: Bearer ${r.key}`);
  return [`${r.method} ${r.path}`, ...headers, ...(r.body !== undefined ? [r.body] : [])].join(' · ');
}
