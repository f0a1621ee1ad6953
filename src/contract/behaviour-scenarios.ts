// The behaviour scenarios: requests whose answer the contract determines without `Prefer`, so that
// any conforming server (a mock or a real one) must end them in the given status and error code.
import type { RawRequest } from './http.ts';
import { exampleBody, type Expectation, type Scenario } from './scenarios.ts';
import { requireOperation, type Contract } from '../kernel/contract.ts';
import type { JsonObject } from '../kernel/json.ts';

const VIDEOS = '/v2/videos/generations';
const IMAGES = '/v2/images/generations';

/** What every group of scenarios is made from: the key's headers and the spec's request examples. */
interface Requests {
  auth: Record<string, string>;
  json: Record<string, string>;
  video: JsonObject;
  image: JsonObject;
}

const scenario = (
  name: string,
  operationId: string | undefined,
  request: RawRequest,
  expect: Expectation,
  billable = false,
): Scenario => ({ name, ...(operationId ? { operationId } : {}), request, forced: false, billable, expect });

const get = (path: string, headers?: Record<string, string>): RawRequest => ({
  method: 'GET',
  path,
  ...(headers ? { headers } : {}),
});
const post = (path: string, headers: Record<string, string>, body: string): RawRequest => ({
  method: 'POST',
  path,
  headers,
  body,
});

/** The body without one of its fields. */
const without = (body: JsonObject, field: string) =>
  JSON.stringify(Object.fromEntries(Object.entries(body).filter(([k]) => k !== field)));

/** Requests whose answer the contract determines without `Prefer`. */
export function behaviourScenarios(contract: Contract, apiKey: string): Scenario[] {
  const auth = { authorization: `Bearer ${apiKey}` };
  const r: Requests = {
    auth,
    json: { ...auth, 'content-type': 'application/json' },
    video: exampleBody(requireOperation(contract, 'createVideoGeneration')) ?? {},
    image: exampleBody(requireOperation(contract, 'generateImage')) ?? {},
  };
  return [...reads(r), ...videoRequests(r), ...imageRequests(r), ...routes(r), ...billable(r)];
}

/** The GET operations: a valid call, a bad query, credentials missing or of the wrong scheme, unknown ids. */
const reads = ({ auth }: Requests): Scenario[] => [
  scenario('listModels: valid', 'listModels', get('/v2/models', auth), { status: 200 }),
  scenario('listModels: type=video', 'listModels', get('/v2/models?type=video', auth), { status: 200 }),
  scenario('listModels: unknown type', 'listModels', get('/v2/models?type=audio', auth), {
    status: 400,
    error: { code: 'invalid_parameter', param: 'type' },
  }),
  scenario('getBalance: valid', 'getBalance', get('/v2/billing/balance', auth), { status: 200 }),
  scenario('getBalance: no Authorization', 'getBalance', get('/v2/billing/balance'), {
    status: 401,
    error: { code: 'invalid_api_key', reason: 'missing' },
  }),
  scenario(
    'getBalance: Basic credentials',
    'getBalance',
    get('/v2/billing/balance', { authorization: 'Basic dXNlcjpwYXNz' }),
    { status: 401, error: { code: 'invalid_api_key', reason: 'malformed' } },
  ),
  scenario('getVideoGeneration: id of another shape', 'getVideoGeneration', get(`${VIDEOS}/123`, auth), {
    status: 404,
    error: { code: 'not_found', resource: 'generation' },
  }),
  scenario(
    'getVideoGeneration: unknown id',
    'getVideoGeneration',
    get(`${VIDEOS}/vid_${'0'.repeat(26)}`, auth),
    { status: 404, error: { code: 'not_found', resource: 'generation' } },
  ),
];

/** Video requests the server must refuse: a body that is not JSON or not sent as JSON, a field missing, of the wrong type or value, no key. */
function videoRequests({ auth, json, video }: Requests): Scenario[] {
  const op = 'createVideoGeneration';
  const refused = (name: string, request: RawRequest, expect: Expectation) =>
    scenario(`${op}: ${name}`, op, request, expect);
  return [
    refused('body is not JSON', post(VIDEOS, json, '{"model": "seedance-v1-pro", "prompt": '), {
      status: 400,
      error: { code: 'invalid_json', param: null },
    }),
    refused('text/plain body', post(VIDEOS, { ...auth, 'content-type': 'text/plain' }, 'a cat'), {
      status: 415,
      error: { code: 'unsupported_media_type' },
    }),
    refused('no prompt', post(VIDEOS, json, without(video, 'prompt')), {
      status: 400,
      error: { code: 'parameter_missing', param: 'prompt' },
    }),
    refused('duration is a string', post(VIDEOS, json, JSON.stringify({ ...video, duration: '5' })), {
      status: 400,
      error: { code: 'invalid_type', param: 'duration' },
    }),
    refused('unknown resolution', post(VIDEOS, json, JSON.stringify({ ...video, resolution: '8K' })), {
      status: 400,
      error: { code: 'invalid_parameter', param: 'resolution' },
    }),
    refused('no Authorization', post(VIDEOS, { 'content-type': 'application/json' }, JSON.stringify(video)), {
      status: 401,
      error: { code: 'invalid_api_key', reason: 'missing' },
    }),
  ];
}

/** Image requests the server must refuse: a required field missing, a reference that is not a URL. */
const imageRequests = ({ json, image }: Requests): Scenario[] => [
  scenario('generateImage: no model', 'generateImage', post(IMAGES, json, without(image, 'model')), {
    status: 400,
    error: { code: 'parameter_missing', param: 'model' },
  }),
  scenario(
    'generateImage: reference url is not a URL',
    'generateImage',
    post(IMAGES, json, JSON.stringify({ ...image, images: [{ url: 'not a url' }] })),
    { status: 400, error: { code: 'invalid_parameter', param: 'images[0].url' } },
  ),
];

/** Requests outside every operation: they must get UnlistedError. */
const routes = ({ auth }: Requests): Scenario[] => [
  scenario('unknown path', undefined, get('/v2/videos', auth), {
    status: 404,
    error: { code: 'not_found', resource: 'route' },
  }),
  scenario(
    'wrong method',
    undefined,
    { method: 'DELETE', path: '/v2/models', headers: auth },
    { status: 404, error: { code: 'not_found', resource: 'route' } },
  ),
];

/** Valid generations: a real server charges for them, so the suite runs them only when asked. */
const billable = ({ json, image, video }: Requests): Scenario[] => [
  scenario(
    'generateImage: valid',
    'generateImage',
    post(IMAGES, json, JSON.stringify(image)),
    { status: 200 },
    true,
  ),
  scenario(
    'createVideoGeneration: valid',
    'createVideoGeneration',
    post(VIDEOS, json, JSON.stringify(video)),
    { status: 202 },
    true,
  ),
];
