// The probes of the generator matrix (scripts/packages/generators.ts): TypeScript files that compile
// only when a generator's output types a 402 of generateImage as quota_exceeded with `required` and
// `available` (an exact type, so neither `unknown`, `string` nor `any` passes), openapi-msw handlers
// typed by @mediagen/client/schema, and the run-time check of openapi-zod-client's schemas.

/** Type-level assertions every probe starts with: `holds<Equal<A, B>>()` fails to compile unless A is B. */
const prelude = `type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
declare function holds<T extends true>(): T;
`;

/** The assertions on \`Quota\`, the 402 body's \`error\`. */
const quotaHolds = `holds<Equal<Quota['code'], 'quota_exceeded'>>();
holds<Equal<Quota['required'] | Quota['available'], number>>();
`;

export const heyApiProbe = `import type { GenerateImageError, GenerateImageErrors } from './out/hey-api/types.gen';
${prelude}type Quota = GenerateImageErrors[402]['error'];
${quotaHolds}
export function shortfall(body: GenerateImageError): number | undefined {
  if (body.error.code !== 'quota_exceeded') return undefined;
  holds<Equal<typeof body.error, Quota>>();
  return body.error.required - body.error.available;
}
`;

export const orvalProbe = `import type { generateImageResponse, generateImageResponse402 } from './out/orval/api';
${prelude}type Quota = generateImageResponse402['data']['error'];
${quotaHolds}
export function shortfall(response: generateImageResponse): number | undefined {
  if (response.status === 200 || response.data.error.code !== 'quota_exceeded') return undefined;
  holds<Equal<typeof response.data.error, Quota>>();
  return response.data.error.required - response.data.error.available;
}
`;

export const zodProbe = `import type { ZodiosErrorByPath } from '@zodios/core';
import { api } from './out/zod/client';
${prelude}type Api = typeof api.api;
type Errors<S extends number> = ZodiosErrorByPath<Api, 'post', '/v2/images/generations', S>;
type Quota = Errors<402>['error'];
${quotaHolds}
export function shortfall(body: Errors<number>): number | undefined {
  if (body.error.code !== 'quota_exceeded') return undefined;
  return body.error.required - body.error.available;
}
`;

/**
 * Run time, on the transpiled client: the 402 schema of generateImage accepts the spec's own
 * quota_exceeded example and refuses the same body with another code (z.unknown() would take it).
 */
export const zodRun = `import { readFileSync } from 'node:fs';
import { api } from './out/zod/client.mjs';
const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const body = spec.components.examples.quota_exceeded.value;
const endpoint = api.api.find(e => e.method === 'post' && e.path === '/v2/images/generations');
const schema = endpoint.errors.find(e => e.status === 402).schema;
const parsed = schema.safeParse(body);
const other = schema.safeParse({ error: { ...body.error, code: 'rate_limit' } });
console.log(JSON.stringify({ parsed: parsed.success ? parsed.data.error.code : 'refused', other: other.success ? 'accepted' : 'refused' }));
`;
export const zodRunExpected = { parsed: 'quota_exceeded', other: 'refused' };

/** The shipped types narrow too (the openapi-typescript row). */
export const schemaProbe = `import type { paths } from '@mediagen/client/schema';
${prelude}type Quota = paths['/v2/images/generations']['post']['responses'][402]['content']['application/json']['error'];
${quotaHolds}`;

/** A spec with a read-only field in a response: what $Read markers would break in a handler. */
export const readOnlySpec = {
  openapi: '3.1.0',
  info: { title: 'things', version: '1' },
  paths: {
    '/things/{id}': {
      get: {
        operationId: 'getThing',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: {
            description: 'The thing.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'name'],
        properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } },
      },
    },
  },
};

/** The documented command's output is the shipped @mediagen/client/schema, type for type. */
export const reproduceProbe = `import type * as made from './out/openapi-typescript/schema';
import type * as shipped from '@mediagen/client/schema';
${prelude}holds<Equal<made.paths, shipped.paths>>();
holds<Equal<made.components, shipped.components>>();
holds<Equal<made.operations, shipped.operations>>();
holds<Equal<made.webhooks, shipped.webhooks>>();
`;

const mswHttp = `import { createOpenApiHttp } from 'openapi-msw';
import type { paths } from '@mediagen/client/schema';
const http = createOpenApiHttp<paths>({ baseUrl: 'https://api.mediagen.test' });
`;

/** openapi-msw handlers compile: one typed by the shipped schema, one answering a readOnly field. */
export const mswHandlersProbe = `${mswHttp}import type { paths as ThingPaths } from './out/things/schema';
export const balance = http.get('/v2/billing/balance', ({ response }) => response(200).json({ balance: 12.5, currency: 'USD' }));
const things = createOpenApiHttp<ThingPaths>({ baseUrl: 'https://api.things.test' });
export const readOnly = things.get('/things/{id}', ({ params, response }) => response(200).json({ id: params.id, name: 'a thing' }));
`;

/** An openapi-msw handler's 402 is quota_exceeded with its fields, and no other code. */
export const mswNarrowProbe = `${mswHttp}const base = { message: 'No credits.', type: 'billing_error', param: null, doc_url: 'https://docs.mediagen.test/', request_id: 'req_1' } as const;
export const quota = http.post('/v2/images/generations', ({ response }) =>
  response(402).json({ error: { ...base, code: 'quota_exceeded', required: 0.5, available: 0.12, currency: 'USD' } }),
);
export const otherCode = http.post('/v2/images/generations', ({ response }) =>
  // @ts-expect-error a 402 body is quota_exceeded, not rate_limit
  response(402).json({ error: { ...base, code: 'rate_limit', required: 0.5, available: 0.12, currency: 'USD' } }),
);
`;
