// The scenarios of the contract suite, made from the spec. Forced ones ask for each documented
// status and named example with `Prefer` (a mock honours it, a real server does not); behaviour
// ones send a request that must, on any conforming server, end in a given status and error code.
import type { ErrorCode } from '../../generated/catalogue.ts';
import type { RawRequest } from './http.ts';
import { at, follow, pointerTo } from '../kernel/pointer.ts';
import { operationPointer, requireOperation, type Contract, type Operation } from '../kernel/contract.ts';
import { type Json, type JsonObject } from '../kernel/json.ts';
import { isObject } from '../kernel/json.ts';

export interface Expectation {
  status: number;
  error?: { code: ErrorCode; param?: string | null; reason?: string; resource?: string };
  /** The named example the body must equal, ids (generation id, request_id) aside. */
  example?: Json;
}

export interface Scenario {
  name: string;
  /** Undefined for requests outside every operation (they must get RouteNotFound). */
  operationId?: string;
  request: RawRequest;
  /** Relies on `Prefer`: only a mock can honour it. */
  forced: boolean;
  /** Starts a generation, which a real server charges for. */
  billable: boolean;
  expect: Expectation;
}

/** The path of an operation with each parameter set to its schema's example. */
export function examplePath(contract: Contract, op: Operation): string {
  const params = at(contract.spec, `${operationPointer(op)}/parameters`);
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    for (let i = 0; Array.isArray(params) && i < params.length; i++) {
      const p = at(contract.spec, follow(contract.spec, `${operationPointer(op)}/parameters/${i}`));
      if (!isObject(p) || p.name !== name || p.in !== 'path') continue;
      const schema = at(
        contract.spec,
        follow(contract.spec, `${follow(contract.spec, `${operationPointer(op)}/parameters/${i}`)}/schema`),
      );
      const example = isObject(schema)
        ? Array.isArray(schema.examples)
          ? schema.examples[0]
          : schema.example
        : undefined;
      if (example !== undefined) return encodeURIComponent(String(example));
    }
    throw new Error(`No example for path parameter ${name} of ${op.operationId}`);
  });
}

export function exampleBody(op: Operation): JsonObject | undefined {
  const first = Object.values(op.requestExamples)[0];
  return isObject(first) ? first : undefined;
}

/** A valid request for the operation: the spec's request example, the path parameter examples, the key. */
export function validRequest(contract: Contract, op: Operation, apiKey: string): RawRequest {
  const body = exampleBody(op);
  return {
    method: op.method,
    path: examplePath(contract, op),
    headers: {
      authorization: `Bearer ${apiKey}`,
      accept: 'application/json',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  };
}

/** Every operation × documented status × named example, asked for with `Prefer`. */
export function forcedScenarios(contract: Contract, apiKey: string): Scenario[] {
  return contract.operations.flatMap(op =>
    op.responses.flatMap(response => {
      const named = Object.entries(response.examples);
      const cases: [string | undefined, Json | undefined][] =
        named.length > 0 ? named : [[undefined, undefined]];
      return cases.map(([example, value]) => {
        const base = validRequest(contract, op, apiKey);
        return {
          name: `${op.operationId} ${response.status}${example ? ` ${example}` : ''}`,
          operationId: op.operationId,
          request: {
            ...base,
            headers: {
              ...base.headers,
              prefer: `code=${response.status}${example ? `, example=${example}` : ''}`,
            },
          },
          forced: true,
          billable: response.status < 300 && op.method === 'POST',
          expect: { status: response.status, ...(value !== undefined ? { example: value } : {}) },
        };
      });
    }),
  );
}

const op = requireOperation;

/** Requests whose answer the contract determines without `Prefer`. */
export function behaviourScenarios(contract: Contract, apiKey: string): Scenario[] {
  const auth = { authorization: `Bearer ${apiKey}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const video = exampleBody(op(contract, 'createVideoGeneration')) ?? {};
  const image = exampleBody(op(contract, 'generateImage')) ?? {};
  const without = (body: JsonObject, field: string) =>
    JSON.stringify(Object.fromEntries(Object.entries(body).filter(([k]) => k !== field)));
  const s = (
    name: string,
    operationId: string | undefined,
    request: RawRequest,
    expect: Expectation,
    billable = false,
  ): Scenario => ({
    name,
    ...(operationId ? { operationId } : {}),
    request,
    forced: false,
    billable,
    expect,
  });
  return [
    s(
      'listModels: valid',
      'listModels',
      { method: 'GET', path: '/v2/models', headers: auth },
      { status: 200 },
    ),
    s(
      'listModels: type=video',
      'listModels',
      { method: 'GET', path: '/v2/models?type=video', headers: auth },
      { status: 200 },
    ),
    s(
      'listModels: unknown type',
      'listModels',
      { method: 'GET', path: '/v2/models?type=audio', headers: auth },
      { status: 400, error: { code: 'invalid_parameter', param: 'type' } },
    ),
    s(
      'getBalance: valid',
      'getBalance',
      { method: 'GET', path: '/v2/billing/balance', headers: auth },
      { status: 200 },
    ),
    s(
      'getBalance: no Authorization',
      'getBalance',
      { method: 'GET', path: '/v2/billing/balance' },
      { status: 401, error: { code: 'invalid_api_key', reason: 'missing' } },
    ),
    s(
      'getBalance: Basic credentials',
      'getBalance',
      { method: 'GET', path: '/v2/billing/balance', headers: { authorization: 'Basic dXNlcjpwYXNz' } },
      { status: 401, error: { code: 'invalid_api_key', reason: 'malformed' } },
    ),
    s(
      'getVideoGeneration: id of another shape',
      'getVideoGeneration',
      { method: 'GET', path: '/v2/videos/generations/123', headers: auth },
      { status: 404, error: { code: 'not_found', resource: 'generation' } },
    ),
    s(
      'getVideoGeneration: unknown id',
      'getVideoGeneration',
      { method: 'GET', path: `/v2/videos/generations/vid_${'0'.repeat(26)}`, headers: auth },
      { status: 404, error: { code: 'not_found', resource: 'generation' } },
    ),
    s(
      'createVideoGeneration: body is not JSON',
      'createVideoGeneration',
      {
        method: 'POST',
        path: '/v2/videos/generations',
        headers: json,
        body: '{"model": "seedance-v1-pro", "prompt": ',
      },
      { status: 400, error: { code: 'invalid_json', param: null } },
    ),
    s(
      'createVideoGeneration: text/plain body',
      'createVideoGeneration',
      {
        method: 'POST',
        path: '/v2/videos/generations',
        headers: { ...auth, 'content-type': 'text/plain' },
        body: 'a cat',
      },
      { status: 415, error: { code: 'unsupported_media_type' } },
    ),
    s(
      'createVideoGeneration: no prompt',
      'createVideoGeneration',
      { method: 'POST', path: '/v2/videos/generations', headers: json, body: without(video, 'prompt') },
      { status: 400, error: { code: 'parameter_missing', param: 'prompt' } },
    ),
    s(
      'createVideoGeneration: duration is a string',
      'createVideoGeneration',
      {
        method: 'POST',
        path: '/v2/videos/generations',
        headers: json,
        body: JSON.stringify({ ...video, duration: '5' }),
      },
      { status: 400, error: { code: 'invalid_type', param: 'duration' } },
    ),
    s(
      'createVideoGeneration: unknown resolution',
      'createVideoGeneration',
      {
        method: 'POST',
        path: '/v2/videos/generations',
        headers: json,
        body: JSON.stringify({ ...video, resolution: '8K' }),
      },
      { status: 400, error: { code: 'invalid_parameter', param: 'resolution' } },
    ),
    s(
      'createVideoGeneration: no Authorization',
      'createVideoGeneration',
      {
        method: 'POST',
        path: '/v2/videos/generations',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(video),
      },
      { status: 401, error: { code: 'invalid_api_key', reason: 'missing' } },
    ),
    s(
      'generateImage: no model',
      'generateImage',
      { method: 'POST', path: '/v2/images/generations', headers: json, body: without(image, 'model') },
      { status: 400, error: { code: 'parameter_missing', param: 'model' } },
    ),
    s(
      'generateImage: reference url is not a URL',
      'generateImage',
      {
        method: 'POST',
        path: '/v2/images/generations',
        headers: json,
        body: JSON.stringify({ ...image, images: [{ url: 'not a url' }] }),
      },
      { status: 400, error: { code: 'invalid_parameter', param: 'images[0].url' } },
    ),
    s(
      'unknown path',
      undefined,
      { method: 'GET', path: '/v2/videos', headers: auth },
      { status: 404, error: { code: 'not_found', resource: 'route' } },
    ),
    s(
      'wrong method',
      undefined,
      { method: 'DELETE', path: '/v2/models', headers: auth },
      { status: 404, error: { code: 'not_found', resource: 'route' } },
    ),
    s(
      'generateImage: valid',
      'generateImage',
      { method: 'POST', path: '/v2/images/generations', headers: json, body: JSON.stringify(image) },
      { status: 200 },
      true,
    ),
    s(
      'createVideoGeneration: valid',
      'createVideoGeneration',
      { method: 'POST', path: '/v2/videos/generations', headers: json, body: JSON.stringify(video) },
      { status: 202 },
      true,
    ),
  ];
}
