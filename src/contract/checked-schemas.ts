// Every schema pointer a contract check can validate against: where checks start (response bodies
// and headers, webhook payloads and headers, the error envelope) and every place `explain` narrows
// to (union branches, properties). The build compiles exactly these ahead of time.
import { alternatives, type Contract, type DeclaredResponse } from '../kernel/contract.ts';
import { at, escapeToken, follow } from '../kernel/pointer.ts';
import { isObject } from '../kernel/json.ts';

export const ERROR_ENVELOPE = '#/components/schemas/ErrorEnvelope';

/** The pointer of `key` under a schema's properties, escaped as JSON pointers require. */
export const propertyPointer = (schema: string, key: string) => `${schema}/properties/${escapeToken(key)}`;

/** The schemas a check starts from, in groups checked together: each operation's responses, the route-not-found response, each webhook, the error envelope. */
export function entryGroups(contract: Contract): string[][] {
  const ofResponse = (r: DeclaredResponse) => [
    ...(r.schema ? [r.schema] : []),
    ...r.headers.map(h => h.schema),
  ];
  return [
    ...contract.operations.map(op => op.responses.flatMap(ofResponse)),
    ofResponse(contract.routeNotFound),
    ...contract.webhooks.map(w => [w.schema, ...w.headers.map(h => h.schema)]),
    ...(at(contract.spec, ERROR_ENVELOPE) === undefined ? [] : [[ERROR_ENVELOPE]]),
  ];
}

/** The schemas a check starts from. */
export const entrySchemas = (contract: Contract): string[] => entryGroups(contract).flat();

/**
 * The entry schemas and everything `explain` can descend to from them, each once, in a stable order,
 * grouped as `entryGroups` (a schema in the first group that reaches it; groups left empty dropped).
 */
export function checkedSchemaGroups(contract: Contract): string[][] {
  const seen = new Set<string>();
  const visit = (group: string[], pointer: string) => {
    if (seen.has(pointer)) return;
    seen.add(pointer);
    group.push(pointer);
    const resolved = follow(contract.spec, pointer);
    const branches = alternatives(contract.spec, resolved);
    if (branches.length > 1 || branches[0] !== resolved) branches.forEach(b => visit(group, b));
    const node = at(contract.spec, resolved);
    if (isObject(node) && isObject(node.properties)) {
      Object.keys(node.properties).forEach(key => visit(group, propertyPointer(resolved, key)));
    }
  };
  return entryGroups(contract)
    .map(entries => entries.reduce<string[]>((group, entry) => (visit(group, entry), group), []))
    .filter(group => group.length > 0);
}

/** Every schema a check can validate against, each once, in a stable order. */
export const checkedSchemas = (contract: Contract): string[] => checkedSchemaGroups(contract).flat();
