// The mock holds requests to the contract both ways. Every request the contract documents is
// accepted: each operation's named request example (each value of an enum parameter beside it), and
// the poll the 202's link leads to. Every value the contract forbids is refused with its error: for
// every query and header parameter and every constrained field of a request body, values derived
// from the schema that break it get the operation's 400 `invalid_parameter` naming that parameter.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractValidator, send, type RawRequest } from '../../src/contract/index.ts';
import { operationPointer, type Operation } from '../../src/kernel/contract.ts';
import { asObject, type Json, type JsonObject } from '../../src/kernel/json.ts';
import { at, follow } from '../../src/kernel/pointer.ts';
import { startTestMock, type TestMock } from './start.ts';

const validator = createContractValidator();
const { contract } = validator;
const { spec } = contract;
let mock: TestMock;

beforeAll(async () => {
  // The examples' callback_url is on a host the mock may not deliver to: nothing leaves the machine.
  mock = await startTestMock({ webhookAllow: ['hooks.test'], webhookRetryDelaysMs: [], stepMs: 20 });
});
afterAll(() => mock.close());

const node = (pointer: string): JsonObject => asObject(at(spec, follow(spec, pointer)));

interface Parameter {
  name: string;
  in: string;
  schema: JsonObject;
}
const parametersOf = (op: Operation): Parameter[] => {
  const base = `${operationPointer(op)}/parameters`;
  const list = at(spec, base);
  return (Array.isArray(list) ? list : []).map((_, i) => {
    const param = node(`${base}/${i}`);
    return {
      name: String(param.name),
      in: String(param.in),
      schema: node(`${follow(spec, `${base}/${i}`)}/schema`),
    };
  });
};

/** Values `schema` refuses, one per constraint it states (items of an array come from `item`). */
function breaking(schema: JsonObject, item?: Json): Json[] {
  const out: Json[] = [];
  if (Array.isArray(schema.enum))
    out.push(
      ...(typeof schema.enum[0] === 'number'
        ? [Math.max(...(schema.enum as number[])) + 1]
        : ['', 'not-a-value'].filter(v => !(schema.enum as Json[]).includes(v))),
    );
  if (typeof schema.minLength === 'number' && schema.minLength > 0) out.push('');
  if (typeof schema.maxLength === 'number') out.push('x'.repeat(schema.maxLength + 1));
  if (typeof schema.maxItems === 'number' && item !== undefined)
    out.push(Array.from({ length: schema.maxItems + 1 }, () => item));
  return out;
}

const authed = (extra: Record<string, string> = {}) => ({
  authorization: 'Bearer mg_test_requests',
  ...extra,
});
/** The operation's request: its first named body example, a fresh Idempotency-Key. */
function exampleRequest(op: Operation, path = op.path): RawRequest & { headers: Record<string, string> } {
  const [body] = Object.values(op.requestExamples);
  return op.hasRequestBody
    ? {
        method: op.method,
        path,
        headers: authed({ 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
        body: JSON.stringify(body),
      }
    : { method: op.method, path, headers: authed() };
}

async function accepted(request: RawRequest) {
  const res = await send(mock.url, request);
  expect(validator.checkResponse({ method: request.method, path: request.path }, res)).toEqual([]);
  expect(res.status, res.text.slice(0, 200)).toBeLessThan(300);
  return res;
}

describe('every request the contract documents is accepted', () => {
  const withBody = contract.operations.filter(op => op.hasRequestBody);

  it.each(
    withBody.flatMap(op => Object.keys(op.requestExamples).map(name => [op.operationId, name, op] as const)),
  )('%s, example %s', async (_, name, op) => {
    await accepted({ ...exampleRequest(op), body: JSON.stringify(op.requestExamples[name]) });
  });

  it("createVideoGeneration's 202 links to the poll, which answers its generation", async () => {
    const op = contract.operations.find(o => o.operationId === 'createVideoGeneration')!;
    const link = node(`${operationPointer(op)}/responses/202/links/GetVideoGeneration`);
    const created = await accepted(exampleRequest(op));
    const source = String(asObject(link.parameters).id);
    expect(source).toBe('$response.body#/id');
    const id = String(asObject(created.body as Json).id);
    const target = contract.operations.find(o => o.operationId === link.operationId)!;
    const polled = await accepted(exampleRequest(target, target.path.replace('{id}', id)));
    expect(asObject(polled.body as Json).id).toBe(id);
  });

  it.each(
    contract.operations
      .filter(op => !op.hasRequestBody && !op.path.includes('{'))
      .map(op => [op.operationId, op] as const),
  )('%s, with no parameter and with each value of an enum parameter', async (_, op) => {
    await accepted(exampleRequest(op));
    for (const p of parametersOf(op).filter(p => p.in === 'query' && Array.isArray(p.schema.enum)))
      for (const value of p.schema.enum as Json[])
        await accepted(exampleRequest(op, `${op.path}?${p.name}=${encodeURIComponent(String(value))}`));
  });
});

/** The operation's request with one query or header parameter set to `value` (`null`: a bare `?name`). */
function withParameter(op: Operation, p: Parameter, value: string | null): RawRequest {
  const request = exampleRequest(op, op.path.replace('{id}', 'vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY'));
  if (p.in === 'header')
    return { ...request, headers: { ...request.headers, [p.name.toLowerCase()]: value ?? '' } };
  return {
    ...request,
    path: `${request.path}?${value === null ? p.name : `${p.name}=${encodeURIComponent(value)}`}`,
  };
}

async function refused(request: RawRequest, param: string) {
  const res = await send(mock.url, request);
  expect(validator.checkResponse({ method: request.method, path: request.path }, res)).toEqual([]);
  const error = asObject(asObject(res.body as Json).error);
  expect([res.status, error.code, error.param]).toEqual([400, 'invalid_parameter', param]);
}

describe('every value the contract forbids is refused with its error', () => {
  const cases = contract.operations.flatMap(op =>
    parametersOf(op)
      .filter(p => p.in === 'query' || p.in === 'header')
      .flatMap(p =>
        [...breaking(p.schema), ...(p.in === 'query' ? [null] : [])].map(
          v => [op.operationId, p.name, JSON.stringify(v)?.slice(0, 20), op, p, v] as const,
        ),
      ),
  );

  it.each(cases)('%s: parameter %s = %s', async (_, name, _shown, op, p, value) => {
    await refused(withParameter(op, p, value as string | null), name);
  });

  const fields = contract.operations
    .filter(op => op.hasRequestBody)
    .flatMap(op => {
      const schema = `${follow(spec, `${operationPointer(op)}/requestBody`)}/content/application~1json/schema`;
      const examples = Object.values(op.requestExamples).map(asObject);
      return Object.keys(asObject(node(schema).properties)).flatMap(field => {
        // An array's extra item is a copy of one an example sends.
        const sent = examples.map(e => e[field]).find(Array.isArray);
        const own = node(`${follow(spec, schema)}/properties/${field}`);
        return breaking(own, sent?.[0]).map(
          v => [op.operationId, field, JSON.stringify(v).slice(0, 20), op, v] as const,
        );
      });
    });

  it('derives invalid values for the limited fields of both request bodies', () => {
    expect(fields.map(([id, field]) => `${id} ${field}`)).toEqual(
      expect.arrayContaining([
        'generateImage images',
        'createVideoGeneration duration',
        'createVideoGeneration callback_url',
        'generateImage model',
      ]),
    );
  });

  it.each(fields)('%s: body field %s = %s', async (_, field, _shown, op, value) => {
    const request = exampleRequest(op);
    const body = { ...asObject(JSON.parse(String(request.body))), [field]: value };
    await refused({ ...request, body: JSON.stringify(body) }, field);
  });
});
