// Writes, from the bundled spec, a TypeScript file of calls and type assertions that must compile
// against the client: derived from the spec rather than written by hand, so that a field added with
// the wrong presence (a default made required, a required field made optional) fails the suite.
import { at, follow, pointerTo } from '../../src/kernel/pointer.ts';
import { readContract, type Spec } from '../../src/kernel/contract.ts';
import { type Json, type JsonObject } from '../../src/kernel/json.ts';

const asObject = (value: Json | undefined): JsonObject =>
  value && typeof value === 'object' && !Array.isArray(value) ? value : {};
const node = (spec: Spec, pointer: string) => asObject(at(spec, follow(spec, pointer)));
const lit = (value: unknown) => JSON.stringify(value);
/** The pointer to a child of `pointer`, its keys escaped. */
const child = (pointer: string, ...keys: (string | number)[]) => pointer + pointerTo(...keys).slice(1);

/** An object schema's properties (pointer to each), `required` and readOnly ones, allOf merged. */
interface Shape {
  properties: Record<string, string>;
  required: string[];
  readOnly: string[];
}

function shapeOf(spec: Spec, pointer: string): Shape | undefined {
  const target = follow(spec, pointer);
  const schema = node(spec, target);
  const members = Array.isArray(schema.allOf)
    ? schema.allOf.map((_, i) => shapeOf(spec, `${target}/allOf/${i}`))
    : [];
  if (!schema.properties && !members.some(Boolean)) return undefined;
  const shape: Shape = {
    properties: {},
    required: [...((schema.required as string[] | undefined) ?? [])],
    readOnly: [],
  };
  for (const member of members.filter((m): m is Shape => m !== undefined)) {
    Object.assign(shape.properties, member.properties);
    shape.required.push(...member.required);
    shape.readOnly.push(...member.readOnly);
  }
  for (const name of Object.keys(asObject(schema.properties))) {
    const property = child(target, 'properties', name);
    shape.properties[name] = property;
    if (node(spec, property).readOnly === true) shape.readOnly.push(name);
  }
  return { ...shape, required: [...new Set(shape.required)] };
}

/** Whether a schema admits null (OpenAPI 3.1: `type` lists 'null', or a const/enum/oneOf member is null). */
function nullable(spec: Spec, pointer: string): boolean {
  const target = follow(spec, pointer);
  const schema = node(spec, target);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (
    types.includes('null') ||
    schema.const === null ||
    (Array.isArray(schema.enum) && schema.enum.includes(null))
  )
    return true;
  return (['oneOf', 'anyOf'] as const).some(key => {
    const members = schema[key];
    return Array.isArray(members) && members.some((_, i) => nullable(spec, child(target, key, i)));
  });
}

/** A request value of the schema: required fields only, or every field (`full`); readOnly never. */
function sample(spec: Spec, pointer: string, full: boolean): Json {
  // An example beside a $ref is the operation's own (a video model for a video request) and comes first.
  const here = asObject(at(spec, pointer));
  if (typeof here.$ref === 'string' && Array.isArray(here.examples) && here.examples.length)
    return here.examples[0] as Json;
  const target = follow(spec, pointer);
  const schema = node(spec, target);
  if ('const' in schema) return schema.const as Json;
  if (Array.isArray(schema.enum)) return schema.enum[0] as Json;
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf))
    return sample(spec, `${target}/${schema.oneOf ? 'oneOf' : 'anyOf'}/0`, full);
  const shape = shapeOf(spec, target);
  if (shape) {
    const keys = Object.keys(shape.properties).filter(
      k => (full || shape.required.includes(k)) && !shape.readOnly.includes(k),
    );
    return Object.fromEntries(keys.map(k => [k, sample(spec, shape.properties[k]!, full)]));
  }
  const type = Array.isArray(schema.type) ? schema.type.find(t => t !== 'null') : schema.type;
  if (type === 'array') return [sample(spec, `${target}/items`, full)];
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0] as Json;
  if (type === 'integer' || type === 'number') return typeof schema.minimum === 'number' ? schema.minimum : 1;
  if (type === 'boolean') return true;
  if (schema.format === 'uri') return 'https://example.com/input.png';
  if (schema.format === 'date-time') return '2026-01-01T00:00:00Z';
  return 'x';
}

/** Paths (property names and array indexes) of every required field in `value`, at any depth. */
function requiredPaths(
  spec: Spec,
  pointer: string,
  value: Json,
  prefix: (string | number)[] = [],
): (string | number)[][] {
  const target = follow(spec, pointer);
  const schema = node(spec, target);
  if (Array.isArray(value))
    return value.flatMap((item, i) => requiredPaths(spec, `${target}/items`, item, [...prefix, i]));
  const shape =
    value && typeof value === 'object' && !Array.isArray(schema.oneOf) ? shapeOf(spec, target) : undefined;
  if (!shape) return [];
  return Object.entries(asObject(value)).flatMap(([k, v]) => [
    ...(shape.required.includes(k) ? [[...prefix, k]] : []),
    ...requiredPaths(spec, shape.properties[k]!, v, [...prefix, k]),
  ]);
}

const label = (path: (string | number)[]) =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('');

/** `value` without the field at `path`. */
function without(value: Json, path: (string | number)[]): Json {
  const copy = structuredClone(value) as any;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key];
  delete parent[path.at(-1)!];
  return copy;
}

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  schema: string;
}

/** The parameters of an operation: the path item's, overridden by the operation's own (by name and place). */
function parametersOf(spec: Spec, path: string, method: string): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const owner of [pointerTo('paths', path), pointerTo('paths', path, method)]) {
    const list = at(spec, `${owner}/parameters`);
    (Array.isArray(list) ? list : []).forEach((_, i) => {
      const pointer = follow(spec, child(owner, 'parameters', i));
      const p = node(spec, pointer);
      byKey.set(`${p.in} ${p.name}`, {
        name: String(p.name),
        in: String(p.in),
        required: p.required === true,
        schema: `${pointer}/schema`,
      });
    });
  }
  return [...byKey.values()];
}

type Params = Record<string, Record<string, Json>>;

/** openapi-fetch's `params`: `{ path: {...}, query: {...}, header: {...} }`. */
function paramsValue(spec: Spec, parameters: Parameter[]): Params {
  const groups: Params = {};
  for (const p of parameters) (groups[p.in] ??= {})[p.name] = sample(spec, p.schema, true);
  return groups;
}

/** The second argument of a call: `params` and `body`, each only when there is one. */
const init = (params: Params, body?: Json): Record<string, Json> => ({
  ...(Object.keys(params).length ? { params } : {}),
  ...(body === undefined ? {} : { body }),
});

const call = (method: string, path: string, args: Record<string, Json>) =>
  `void client.${method}(${lit(path)}${Object.keys(args).length ? `, ${lit(args)}` : ''});`;

/** The JSON request body of an operation: its schema and whether it is required, if it has one. */
function bodyOf(spec: Spec, path: string, method: string): { schema: string; required: boolean } | undefined {
  const requestBody = follow(spec, pointerTo('paths', path, method, 'requestBody'));
  const schema = child(requestBody, 'content', 'application/json', 'schema');
  return at(spec, schema) === undefined
    ? undefined
    : { schema, required: node(spec, requestBody).required === true };
}

/** Per operation: the minimal call and the full call compile; each call missing one required thing does not. */
function operationChecks(spec: Spec, METHOD: string, path: string): string[] {
  const method = METHOD.toLowerCase();
  const parameters = parametersOf(spec, path, method);
  const body = bodyOf(spec, path, method);
  const minimalParams = paramsValue(
    spec,
    parameters.filter(p => p.required),
  );
  const minimalBody = body?.required ? sample(spec, body.schema, false) : undefined;
  const fullBody = body && sample(spec, body.schema, true);
  const expectError = (why: string, args: Record<string, Json>) => [
    `// @ts-expect-error ${METHOD} ${path} ${why}`,
    call(METHOD, path, args),
  ];
  return [
    `// ${METHOD} ${path}: required parameters and required body fields only`,
    call(METHOD, path, init(minimalParams, minimalBody)),
    `// ${METHOD} ${path}: every parameter and every body field`,
    call(METHOD, path, init(paramsValue(spec, parameters), fullBody)),
    ...parameters
      .filter(p => p.required)
      .flatMap(p =>
        expectError(
          `without the required ${p.in} parameter '${p.name}'`,
          init(without(minimalParams, [p.in, p.name]) as Params, minimalBody),
        ),
      ),
    ...(minimalBody === undefined ? [] : expectError('without its required body', init(minimalParams))),
    ...(body && fullBody !== undefined
      ? requiredPaths(spec, body.schema, fullBody).flatMap(field =>
          expectError(
            `with a body without the required '${label(field)}'`,
            init(minimalParams, without(fullBody, field)),
          ),
        )
      : []),
    ...(body
      ? readOnlyOf(spec, body.schema).flatMap(([name, value]) =>
          expectError(
            `with the read-only '${name}' in its body`,
            init(minimalParams, { ...asObject(fullBody), [name]: value }),
          ),
        )
      : []),
  ];
}

/** The read-only properties of a body schema, each with a value: the API does not accept them. */
function readOnlyOf(spec: Spec, schema: string): [string, Json][] {
  const shape = shapeOf(spec, schema);
  return (shape?.readOnly ?? []).map(name => [name, sample(spec, shape!.properties[name]!, true)]);
}

/** Per object schema and property: optional exactly when not `required`, `| null` exactly when nullable. */
function presenceChecks(spec: Spec, pointer: string, type: string): string[] {
  const shape = shapeOf(spec, pointer);
  if (!shape) return [];
  return Object.entries(shape.properties).flatMap(([name, property]) => {
    const own = at(spec, property) as JsonObject;
    const inline = typeof own.$ref !== 'string' && own.readOnly !== true && own.writeOnly !== true;
    const value = `NonNullable<${type}[${lit(name)}]>`;
    const items = node(spec, property).type === 'array' && typeof asObject(own.items).$ref !== 'string';
    return [
      `presence<${type}, ${lit(name)}>(${lit(shape.required.includes(name) ? 'required' : 'optional')}, ${lit(nullable(spec, property) ? 'nullable' : 'not null')});`,
      ...(inline ? presenceChecks(spec, property, value) : []),
      ...(inline && items ? presenceChecks(spec, `${property}/items`, `${value}[number]`) : []),
    ];
  });
}

/**
 * Response and webhook payload fields that have a `default` but are not `required`: the types read
 * presence from `required` alone, so a field the API always sends must be listed there.
 */
export function defaultsNotRequired(spec: Spec): string[] {
  const contract = readContract(spec);
  const roots = [
    ...contract.operations.flatMap(op => op.responses.map(r => r.schema)),
    ...contract.webhooks.map(w => w.schema),
  ];
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (pointer: string): void => {
    const target = follow(spec, pointer);
    if (seen.has(target) || at(spec, target) === undefined) return;
    seen.add(target);
    const schema = node(spec, target);
    const shape = shapeOf(spec, target);
    for (const [name, property] of Object.entries(shape?.properties ?? {})) {
      if (node(spec, property).default !== undefined && !shape!.required.includes(name))
        found.add(follow(spec, property));
      visit(property);
    }
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const)
      (Array.isArray(schema[key]) ? schema[key] : []).forEach((_, i) => visit(child(target, key, i)));
    if (schema.items) visit(child(target, 'items'));
  };
  roots.filter((r): r is string => r !== undefined).forEach(visit);
  return [...found];
}

export interface Modules {
  /** Module specifiers, as the generated file imports them. */
  client: string;
  schema: string;
}

const isComponent = (spec: Spec, pointer: string) =>
  follow(spec, pointer).startsWith('#/components/schemas/');

/** Request and response schemas written inline (not components), each with its type in `paths` or `webhooks`. */
function inlineSchemas(spec: Spec): [string, string][] {
  const contract = readContract(spec);
  const json = `["content"]["application/json"]`;
  const found: [string, string][] = [];
  for (const op of contract.operations) {
    const operation = `paths[${lit(op.path)}][${lit(op.method.toLowerCase())}]`;
    const body = bodyOf(spec, op.path, op.method.toLowerCase());
    if (body) found.push([body.schema, `NonNullable<${operation}["requestBody"]>${json}`]);
    for (const r of op.responses.filter(r => r.schema && Number.isInteger(r.status)))
      found.push([r.schema!, `${operation}["responses"][${r.status}]${json}`]);
  }
  for (const w of contract.webhooks)
    found.push([w.schema, `NonNullable<webhooks[${lit(w.name)}]["post"]["requestBody"]>${json}`]);
  return found.filter(([pointer]) => at(spec, pointer) !== undefined && !isComponent(spec, pointer));
}

/** The whole check file: every operation's calls, then the presence checks of every schema. */
export function deriveTypeChecks(spec: Spec, modules: Modules): string {
  const schemas = Object.keys(asObject(asObject(spec.components).schemas));
  return [
    `// Generated by test/types/derive.ts from generated/openapi.json. Do not edit.`,
    `import { createClient } from ${lit(modules.client)};`,
    `import type { components, paths, webhooks } from ${lit(modules.schema)};`,
    `declare function presence<T, K extends keyof T>(`,
    `  presence: {} extends Pick<T, K> ? 'optional' : 'required',`,
    `  nullable: null extends T[K] ? 'nullable' : 'not null',`,
    `): void;`,
    `const client = createClient();`,
    ...readContract(spec).operations.flatMap(op => operationChecks(spec, op.method, op.path)),
    ...schemas.flatMap(name =>
      presenceChecks(spec, pointerTo('components', 'schemas', name), `components["schemas"][${lit(name)}]`),
    ),
    ...inlineSchemas(spec).flatMap(([pointer, type]) => presenceChecks(spec, pointer, type)),
    '',
  ].join('\n');
}
