// The bundled contract as the spec tests read it. The walking (following $refs, collecting named
// examples and the codes each error response allows) is src/kernel/contract.ts's; this adds the
// labels and raw nodes the tests assert on.
import { at, follow, pointerTo } from '../../src/kernel/pointer.ts';
import { loadSpec } from '../../src/kernel/load.ts';
import { readContract, type DeclaredResponse } from '../../src/kernel/contract.ts';

export type Node = Record<string, any>;
export const spec: Node = loadSpec();
const contract = readContract(spec as never);

export const pointer = (...keys: string[]) => pointerTo(...keys);
/** The node a `$ref` (or any node) stands for. */
export const resolve = (node: Node): Node =>
  typeof node?.$ref === 'string' ? (at(spec as never, follow(spec as never, node.$ref)) as Node) : node;

export interface Example {
  /** `GET /v2/models 400 invalid_model_type` */
  name: string;
  exampleName: string;
  value: any;
  /** Pointer to the schema the example illustrates. */
  schemaAt: string;
}

export interface Operation {
  /** `POST /v2/images/generations`, or `webhook video.generation.failed`. */
  name: string;
  operationId: string;
  path: string;
  webhook: boolean;
  /** The operation object as written. */
  node: Node;
  requestExamples: Example[];
  responses: Response[];
}

export interface Response {
  label: string;
  status: string;
  /** The response object, after $refs. */
  node: Node;
  headers: string[];
  /** Error codes the body allows. */
  codes: string[];
  examples: Example[];
}

const examplesOf = (
  label: string,
  examples: Record<string, unknown>,
  schemaAt: string | undefined,
): Example[] =>
  Object.entries(examples).map(([exampleName, value]) => ({
    name: `${label} ${exampleName}`,
    exampleName,
    value,
    schemaAt: schemaAt ?? '',
  }));

function response(label: string, r: DeclaredResponse): Response {
  const full = `${label} ${r.status}`;
  return {
    label: full,
    status: String(r.status),
    node: at(spec as never, r.pointer) as Node,
    headers: r.headers.map(h => h.name),
    codes: r.errorCodes,
    examples: examplesOf(full, r.examples, r.schema),
  };
}

const requestSchema = (operationAt: string) =>
  `${follow(spec as never, `${operationAt}/requestBody`)}/content/application~1json/schema`;

export const operations: Operation[] = [
  ...contract.operations.map(op => {
    const name = `${op.method} ${op.path}`;
    const opAt = pointerTo('paths', op.path, op.method.toLowerCase());
    return {
      name,
      operationId: op.operationId,
      path: op.path,
      webhook: false,
      node: at(spec as never, opAt) as Node,
      requestExamples: examplesOf(`${name} request`, op.requestExamples, requestSchema(opAt)),
      responses: op.responses.map(r => response(name, r)),
    };
  }),
  ...contract.webhooks.map(hook => {
    const name = `webhook ${hook.name}`;
    const node = spec.webhooks[hook.name].post;
    return {
      name,
      operationId: hook.operationId,
      path: hook.name,
      webhook: true,
      node,
      requestExamples: examplesOf(`${name} request`, hook.examples, hook.schema),
      responses: Object.keys(node.responses).map(status => ({
        label: `${name} ${status}`,
        status,
        node: resolve(node.responses[status]),
        headers: [],
        codes: [],
        examples: [],
      })),
    };
  }),
];

export const apiOperations = operations.filter(op => !op.webhook);
export function operation(operationId: string): Operation {
  const found = operations.find(op => op.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}
export const responseOf = (operationId: string, status: number | string) =>
  operation(operationId).responses.find(r => r.status === String(status));

/** The answer to any request outside the operations. */
export const routeNotFound: Response = response('unknown route', contract.routeNotFound);
