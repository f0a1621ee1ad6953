// The bundled contract as the spec tests read it: operations, responses and named examples, each
// with the JSON pointer Ajv needs to reach its schema.
import { readFileSync } from 'node:fs';

export type Node = Record<string, any>;
export const spec: Node = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'));

const escape = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');
export const pointer = (...keys: string[]) => '#/' + keys.map(escape).join('/');

/** Follows a `$ref` (local to the bundle); returns the node and where it lives. */
export function deref(node: Node, at: string): { node: Node; at: string } {
  if (typeof node?.$ref !== 'string') return { node, at };
  const target = node.$ref as string;
  const found = target
    .slice(2)
    .split('/')
    .map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((n: Node, k) => n?.[k], spec);
  if (found === undefined) throw new Error(`unresolved ${target} at ${at}`);
  return deref(found, target);
}

export interface Operation {
  /** `POST /v2/images/generations`, or `webhook video.generation.failed`. */
  name: string;
  method: string;
  path: string;
  operationId: string;
  operation: Node;
  at: string;
  webhook: boolean;
}

export function operations(): Operation[] {
  const list: Operation[] = [];
  for (const [group, webhook] of [['paths', false], ['webhooks', true]] as const) {
    for (const [path, item] of Object.entries<Node>(spec[group] ?? {})) {
      for (const [method, operation] of Object.entries<Node>(item)) {
        if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
        const name = webhook ? `webhook ${path}` : `${method.toUpperCase()} ${path}`;
        list.push({ name, method, path, operationId: operation.operationId, operation, at: pointer(group, path, method), webhook });
      }
    }
  }
  return list;
}

export const apiOperations = () => operations().filter((op) => !op.webhook);
export const operation = (operationId: string) => {
  const found = operations().find((op) => op.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
};

export interface Example {
  /** `GET /v2/models 400 invalid_model_type` */
  name: string;
  exampleName: string;
  value: any;
  /** Pointer to the schema the example illustrates. */
  schemaAt: string;
}

/** Named examples of a media type object found at `at`. */
function mediaExamples(label: string, media: Node, at: string): Example[] {
  return Object.entries<Node>(media.examples ?? {}).map(([exampleName, ref]) => ({
    name: `${label} ${exampleName}`,
    exampleName,
    value: deref(ref, `${at}/examples/${exampleName}`).node.value,
    schemaAt: `${at}/schema`,
  }));
}

export interface Response {
  operation: Operation | undefined;
  status: string;
  response: Node;
  /** Where the response object lives after $refs: schemas inside are reached from here. */
  at: string;
  examples: Example[];
}

export function responsesOf(op: Operation): Response[] {
  return Object.entries<Node>(op.operation.responses ?? {}).map(([status, raw]) => {
    const { node, at } = deref(raw, `${op.at}/responses/${status}`);
    const media = node.content?.['application/json'];
    const examples = media ? mediaExamples(`${op.name} ${status}`, media, `${at}/content/application~1json`) : [];
    return { operation: op, status, response: node, at, examples };
  });
}

/** The answer to any request outside the operations. */
export function routeNotFound(): Response {
  const at = pointer('components', 'responses', 'RouteNotFound');
  const { node } = deref(spec.components.responses.RouteNotFound, at);
  return { operation: undefined, status: '404', response: node, at, examples: mediaExamples('unknown route 404', node.content['application/json'], `${at}/content/application~1json`) };
}

export function requestExamples(op: Operation): Example[] {
  const media = op.operation.requestBody?.content?.['application/json'];
  return media ? mediaExamples(`${op.name} request`, media, `${op.at}/requestBody/content/application~1json`) : [];
}

/** Codes an error response allows (the `code` constants of its error schemas). */
export function allowedCodes(response: Node): string[] {
  const error = deref(response.content?.['application/json']?.schema ?? {}, '').node.properties?.error;
  if (!error) return [];
  const members: Node[] = error.oneOf ?? [error];
  return members.map((m) => {
    const schema = deref(m, '').node;
    const own = (schema.allOf ?? []).find((part: Node) => part.properties?.code?.const !== undefined);
    return own.properties.code.const as string;
  });
}
