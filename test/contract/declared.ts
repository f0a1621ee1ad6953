// What the bundle declares, read from generated/openapi.json directly (not through readContract,
// which the scenarios are made from): every operation × declared status × named example, and the
// error codes each response's schema allows. The scenario matrix is counted against this.
import spec from '../../generated/openapi.json' with { type: 'json' };
import { at } from '../../src/kernel/pointer.ts';
import { isObject, type Json, type JsonObject } from '../../src/kernel/json.ts';
import { fixedValue } from '../../src/kernel/fixed-value.ts';

const doc = spec as unknown as JsonObject;

export interface DeclaredCase {
  operationId: string;
  method: string;
  /** The path template, e.g. `/v2/videos/generations/{id}`. */
  path: string;
  status: number;
  /** The named example, when the response has any. */
  example?: string;
  /** Its value, when it has one. */
  value?: Json;
}

const resolve = (node: Json | undefined): Json | undefined =>
  isObject(node) && typeof node.$ref === 'string' ? resolve(at(doc, node.$ref)) : node;
const entries = (node: Json | undefined): [string, Json][] => {
  const object = resolve(node);
  return isObject(object) ? Object.entries(object) : [];
};
const json = (response: Json) => resolve(at(asObject(resolve(response)), '/content/application~1json'));
const asObject = (node: Json | undefined): JsonObject => (isObject(node) ? node : {});

/** The operations of the bundle, as its paths declare them. */
const operations = () =>
  entries(doc.paths).flatMap(([path, item]) =>
    entries(item).flatMap(([method, op]) =>
      isObject(op) && typeof op.operationId === 'string'
        ? [
            {
              operationId: op.operationId,
              method: method.toUpperCase(),
              path,
              // `default` (UnlistedError) names no status: there is nothing to force.
              responses: entries(op.responses).filter(([status]) => status !== 'default'),
            },
          ]
        : [],
    ),
  );

/** One case per operation × declared status × named example (one without a name when it has none). */
export const declaredCases = (): DeclaredCase[] =>
  operations().flatMap(({ responses, ...op }) =>
    responses.flatMap(([status, response]) => {
      const examples = entries(asObject(json(response)).examples);
      if (examples.length === 0) return [{ ...op, status: Number(status) }];
      return examples.map(([example, value]) => ({
        ...op,
        status: Number(status),
        example,
        ...(asObject(resolve(value)).value !== undefined ? { value: asObject(resolve(value)).value } : {}),
      }));
    }),
  );

/** The error codes a schema allows: each `code`'s single value, through `$ref`, `oneOf`, `anyOf` and `allOf`. */
function codesOf(node: Json | undefined): string[] {
  const schema = asObject(resolve(node));
  const code = fixedValue(asObject(resolve(asObject(schema.properties).code)));
  const branches = ['oneOf', 'anyOf', 'allOf'].flatMap(k => (Array.isArray(schema[k]) ? schema[k] : []));
  return [...(typeof code === 'string' ? [code] : []), ...branches.flatMap(codesOf)];
}

/** `operationId status code` for each error code each operation's response declares in its envelope. */
export const declaredErrorCodes = (): string[] =>
  operations().flatMap(({ operationId, responses }) =>
    responses.flatMap(([status, response]) => {
      const schema = asObject(resolve(asObject(json(response)).schema));
      return codesOf(asObject(schema.properties).error).map(code => `${operationId} ${status} ${code}`);
    }),
  );
