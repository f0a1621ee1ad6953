// A bundled contract as data: its operations, their declared responses (status, headers, schema,
// named examples) and the error codes each response allows. The contract, mock, proxy, scripts and
// benches read facts from here, so that generated/openapi.json stays the single source of truth.
// No Node import: loading the shipped bundle from disk is load.ts.
import { asObject, type Json, type JsonObject } from './json.ts';
import { fixedValue } from './fixed-value.ts';
import { at, escapeToken as escape, follow, pointerTo } from './pointer.ts';

export type { Json, JsonObject };
export type Spec = JsonObject;

export interface DeclaredHeader {
  name: string;
  required: boolean;
  /** Pointer to the header's schema in the bundle. */
  schema: string;
}

export interface DeclaredResponse {
  status: number;
  /** Pointer to the response object (after following a `$ref` to components/responses). */
  pointer: string;
  headers: DeclaredHeader[];
  /** Pointer to the application/json schema, if the response has a body. */
  schema?: string;
  examples: Record<string, Json>;
  /** Error codes the body may carry (empty for success responses). */
  errorCodes: string[];
}

export interface Operation {
  operationId: string;
  method: string;
  /** The path template, e.g. `/v2/videos/generations/{id}`. */
  path: string;
  pattern: RegExp;
  pathParams: string[];
  hasRequestBody: boolean;
  requestExamples: Record<string, Json>;
  responses: DeclaredResponse[];
}

export interface Webhook {
  name: string;
  operationId: string;
  /** Pointer to the payload schema. */
  schema: string;
  headers: DeclaredHeader[];
  examples: Record<string, Json>;
}

export interface Contract {
  spec: Spec;
  operations: Operation[];
  /** What any request outside the operations gets: a 404 of components.responses.UnlistedError. */
  routeNotFound: DeclaredResponse;
  webhooks: Webhook[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function examplesAt(spec: Spec, pointer: string): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const name of Object.keys(asObject(at(spec, pointer)))) {
    const example = asObject(at(spec, follow(spec, `${pointer}/${escape(name)}`)));
    if ('value' in example) out[name] = example.value as Json;
  }
  return out;
}

function headersAt(spec: Spec, pointer: string): DeclaredHeader[] {
  return Object.keys(asObject(at(spec, pointer))).map(name => {
    const headerPointer = follow(spec, `${pointer}/${escape(name)}`);
    return {
      name,
      required: asObject(at(spec, headerPointer)).required === true,
      schema: `${headerPointer}/schema`,
    };
  });
}

/** The single value a schema (or any of its allOf members) gives to `property` (see fixed-value.ts). */
export function constOf(spec: Spec, schemaPointer: string, property: string): Json | undefined {
  const pointer = follow(spec, schemaPointer);
  const schema = asObject(at(spec, pointer));
  const own = asObject(asObject(schema.properties)[property]);
  const fixed = fixedValue(own);
  if (fixed !== undefined) return fixed;
  const allOf = Array.isArray(schema.allOf) ? schema.allOf : [];
  for (let i = 0; i < allOf.length; i++) {
    const found = constOf(spec, `${pointer}/allOf/${i}`, property);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Pointers of the alternatives of a schema: its oneOf members, or the schema itself. */
export function alternatives(spec: Spec, schemaPointer: string): string[] {
  const pointer = follow(spec, schemaPointer);
  const oneOf = asObject(at(spec, pointer)).oneOf;
  return Array.isArray(oneOf) ? oneOf.map((_, i) => follow(spec, `${pointer}/oneOf/${i}`)) : [pointer];
}

function errorCodesOf(spec: Spec, schema: string | undefined): string[] {
  if (!schema) return [];
  const errorProperty = asObject(asObject(at(spec, follow(spec, schema))).properties).error;
  if (!errorProperty) return [];
  return alternatives(spec, `${follow(spec, schema)}/properties/error`)
    .map(branch => constOf(spec, branch, 'code'))
    .filter((code): code is string => typeof code === 'string');
}

function declaredResponse(spec: Spec, status: number, rawPointer: string): DeclaredResponse {
  const pointer = follow(spec, rawPointer);
  const json = `${pointer}/content/${escape('application/json')}`;
  const schema = at(spec, `${json}/schema`) === undefined ? undefined : `${json}/schema`;
  return {
    status,
    pointer,
    headers: headersAt(spec, `${pointer}/headers`),
    schema,
    examples: examplesAt(spec, `${json}/examples`),
    errorCodes: errorCodesOf(spec, schema),
  };
}

function templatePattern(path: string): { pattern: RegExp; pathParams: string[] } {
  const pathParams: string[] = [];
  const source = path
    .split(/(\{[^}]+\})/)
    .map(part => {
      const param = /^\{([^}]+)\}$/.exec(part);
      if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      pathParams.push(param[1]!);
      return '([^/]+)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), pathParams };
}

export function readContract(spec: Spec): Contract {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(asObject(spec.paths))) {
    for (const method of METHODS) {
      const op = asObject(asObject(item)[method]);
      if (!op.operationId) continue;
      const base = pointerTo('paths', path, method);
      const requestJson = `${follow(spec, `${base}/requestBody`)}/content/${escape('application/json')}`;
      operations.push({
        operationId: String(op.operationId),
        method: method.toUpperCase(),
        path,
        ...templatePattern(path),
        hasRequestBody: op.requestBody !== undefined,
        requestExamples: examplesAt(spec, `${requestJson}/examples`),
        // `default` (UnlistedError) is what a client must survive, not a status the API lists.
        responses: Object.keys(asObject(op.responses))
          .filter(status => status !== 'default')
          .map(status => declaredResponse(spec, Number(status), `${base}/responses/${status}`)),
      });
    }
  }
  const webhooks: Webhook[] = Object.entries(asObject(spec.webhooks)).map(([name, item]) => {
    const base = pointerTo('webhooks', name, 'post');
    const op = asObject(asObject(item).post);
    const json = `${follow(spec, `${base}/requestBody`)}/content/${escape('application/json')}`;
    const params = Array.isArray(op.parameters) ? op.parameters : [];
    const headers = params.map((_, i) => {
      const p = follow(spec, `${base}/parameters/${i}`);
      const param = asObject(at(spec, p));
      return { name: String(param.name), required: param.required === true, schema: `${p}/schema` };
    });
    return {
      name,
      operationId: String(op.operationId),
      schema: `${json}/schema`,
      headers,
      examples: examplesAt(spec, `${json}/examples`),
    };
  });
  return {
    spec,
    operations,
    routeNotFound: declaredResponse(spec, 404, pointerTo('components', 'responses', 'UnlistedError')),
    webhooks,
  };
}

/** The operation a method and a concrete path (no query) call, with its path parameters. */
export function matchOperation(
  contract: Contract,
  method: string,
  path: string,
): { operation: Operation; params: Record<string, string> } | undefined {
  const upper = method.toUpperCase();
  for (const operation of contract.operations) {
    if (operation.method !== upper) continue;
    const match = operation.pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    operation.pathParams.forEach((name, i) => {
      params[name] = safeDecode(match[i + 1] ?? '');
    });
    return { operation, params };
  }
  return undefined;
}

/** Percent-decoded, or as it is when it does not decode. */
export const safeDecode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

export const findOperation = (contract: Contract, operationId: string) =>
  contract.operations.find(op => op.operationId === operationId);

/** The operation with this id; a contract without it is not one this code was written for. */
export function requireOperation(contract: Contract, operationId: string): Operation {
  const found = findOperation(contract, operationId);
  if (!found) throw new Error(`The contract has no ${operationId} operation`);
  return found;
}

/** The pointer to an operation object: `#/paths/<path>/<method>`. */
export const operationPointer = (op: Pick<Operation, 'path' | 'method'>) =>
  pointerTo('paths', op.path, op.method.toLowerCase());
