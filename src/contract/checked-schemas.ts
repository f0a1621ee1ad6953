// Every schema pointer a contract check can validate against: where checks start (response bodies
// and headers, webhook payloads and headers, the error envelope) and every place `explain` narrows
// to (union branches, properties). The build compiles exactly these ahead of time.
import { alternatives, at, follow, type Contract } from './spec.ts';
import { isObject } from '../client/is-object.ts';

export const ERROR_ENVELOPE = '#/components/schemas/ErrorEnvelope';

/** The pointer of `key` under a schema's properties, escaped as JSON pointers require. */
export const propertyPointer = (schema: string, key: string) =>
  `${schema}/properties/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** The schemas a check starts from. */
export function entrySchemas(contract: Contract): string[] {
  const responses = [...contract.operations.flatMap(op => op.responses), contract.routeNotFound];
  return [
    ...responses.flatMap(r => [...(r.schema ? [r.schema] : []), ...r.headers.map(h => h.schema)]),
    ...contract.webhooks.flatMap(w => [w.schema, ...w.headers.map(h => h.schema)]),
    ...(at(contract.spec, ERROR_ENVELOPE) === undefined ? [] : [ERROR_ENVELOPE]),
  ];
}

/** The entry schemas and everything `explain` can descend to from them, each once, in a stable order. */
export function checkedSchemas(contract: Contract): string[] {
  const seen = new Set<string>();
  const visit = (pointer: string) => {
    if (seen.has(pointer)) return;
    seen.add(pointer);
    const resolved = follow(contract.spec, pointer);
    const branches = alternatives(contract.spec, resolved);
    if (branches.length > 1 || branches[0] !== resolved) branches.forEach(visit);
    const node = at(contract.spec, resolved);
    if (isObject(node) && isObject(node.properties)) {
      Object.keys(node.properties).forEach(key => visit(propertyPointer(resolved, key)));
    }
  };
  entrySchemas(contract).forEach(visit);
  return [...seen];
}
