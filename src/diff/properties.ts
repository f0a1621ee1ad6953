// The fields of an object schema across versions: added, removed, newly required or optional, then
// each field compared as a schema of its own. A field a request must now carry breaks clients; one a
// response must now carry breaks servers; a field gone from a response breaks the clients reading it.
import { escapeToken as escape } from '../kernel/pointer.ts';
import type { Scope } from './change.ts';
import { adder, inside, node, type CompareSchemas, type Direction, type Place, type Walk } from './walk.ts';

export function compareProperties(
  walk: Walk,
  [b, h]: [base: string, head: string],
  direction: Direction,
  place: Place,
  scope: Scope,
  compare: CompareSchemas,
) {
  const base = node(walk.base, b);
  const head = node(walk.head, h);
  const before = (base.properties ?? {}) as Record<string, unknown>;
  const after = (head.properties ?? {}) as Record<string, unknown>;
  const wasRequired = new Set<string>(base.required ?? []);
  const isRequired = new Set<string>(head.required ?? []);
  const request = direction === 'request';
  const where = place.context;
  const add = adder(walk, scope, h);
  const field = (name: string) => inside(place, name).path;
  for (const name of Object.keys(after)) {
    const pointer = `${h}/properties/${escape(name)}`;
    if (!(name in before)) {
      // A new required field: clients must send it, or servers must send it.
      const required = isRequired.has(name);
      const kind = !required ? 'added' : request ? 'clients' : 'servers';
      add(
        `${direction}-property-${required ? 'required-' : ''}added`,
        `new ${required ? 'required' : 'optional'} field \`${field(name)}\` in ${where}`,
        kind,
        pointer,
      );
      continue;
    }
    if (!wasRequired.has(name) && isRequired.has(name))
      add(
        `${direction}-property-became-required`,
        `\`${field(name)}\` became required in ${where}`,
        request ? 'clients' : 'servers',
        pointer,
      );
    if (wasRequired.has(name) && !isRequired.has(name))
      add(
        `${direction}-property-became-optional`,
        `\`${field(name)}\` became optional in ${where}`,
        request ? 'changed' : 'clients',
        pointer,
      );
    compare(walk, `${b}/properties/${escape(name)}`, pointer, direction, inside(place, name), scope);
  }
  for (const name of Object.keys(before)) {
    if (name in after) continue;
    add(
      `${direction}-property-removed`,
      `field \`${field(name)}\` removed from ${where}`,
      'clients',
      `${b}/properties/${escape(name)}`,
      'base',
    );
  }
}
