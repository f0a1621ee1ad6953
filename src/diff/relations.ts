// What an operation says beyond its requests and answers, and the document's servers: an
// operation's `default` response, its callbacks and its responses' links, each added or removed.
// None changes what is valid on the wire: added, they are listed as additions; removed, as changes,
// except a server, whose removal breaks the clients configured with its URL.
import { operationPointer, type Operation } from '../kernel/contract.ts';
import { escapeToken } from '../kernel/pointer.ts';
import { change, type Kind } from './change.ts';
import { nodeAt as node, type Walk } from './walk.ts';

/** The names under an operation that are kept as a set: `default`, callbacks, `<status> link <name>`. */
function namesOf(operation: Record<string, any>): Map<string, string> {
  const out = new Map<string, string>();
  if (operation.responses?.default) out.set('`default` response', 'responses/default');
  for (const name of Object.keys(operation.callbacks ?? {}))
    out.set(`callback \`${name}\``, `callbacks/${escapeToken(name)}`);
  for (const [status, response] of Object.entries<any>(operation.responses ?? {}))
    for (const link of Object.keys(response?.links ?? {}))
      out.set(`link \`${link}\` of the ${status} response`, `responses/${status}/links/${escapeToken(link)}`);
  return out;
}

/** One operation kept from the base: its `default` response, callbacks and links added or removed. */
export function compareRelations(walk: Walk, old: Operation, op: Operation): void {
  const b = operationPointer(old);
  const h = operationPointer(op);
  const before = namesOf(node(walk.base, b));
  const after = namesOf(node(walk.head, h));
  const scope = { operations: [op.operationId] };
  const name = `${op.method} ${op.path}`;
  for (const [what, at] of after)
    if (!before.has(what))
      walk.out.push(change('operation-relation-added', `${name}: new ${what}`, `${h}/${at}`, scope, 'added'));
  for (const [what, at] of before)
    if (!after.has(what))
      walk.out.push(
        change(
          'operation-relation-removed',
          `${name}: ${what} was removed`,
          `${b}/${at}`,
          scope,
          'changed',
          'base',
        ),
      );
}

/** The document's servers, by URL. */
export function compareServers(walk: Walk): void {
  const urls = (spec: Record<string, any>) => (spec.servers ?? []).map((s: { url: string }) => s.url);
  const before: string[] = urls(walk.base);
  const after: string[] = urls(walk.head);
  const add = (rule: string, message: string, i: number, kind: Kind, side: 'head' | 'base') =>
    walk.out.push(change(rule, message, `#/servers/${i}`, { operations: [] }, kind, side));
  after.forEach(
    (url, i) => before.includes(url) || add('server-added', `new server ${url}`, i, 'added', 'head'),
  );
  before.forEach(
    (url, i) => after.includes(url) || add('server-removed', `server ${url} removed`, i, 'clients', 'base'),
  );
}
