// Compares the two versions of one schema, knowing which way its data flows. A request schema may
// accept more but not less (clients send what the base allowed); a response schema may promise more
// but not send more kinds of values (clients read what the base described). Servers held by the
// contract suite break the other way: a response that must now carry more, a narrower response.
// The rules for values, fields and unions are in values.ts, properties.ts and alternatives.ts.
import type { Scope } from './change.ts';
import { compareAlternatives } from './alternatives.ts';
import { compareProperties } from './properties.ts';
import { compareConstraints, compareTypes, compareValues } from './values.ts';
import { adder, describe, follow, inside, node, type Direction, type Place, type Walk } from './walk.ts';

/** Compares the schemas at two pointers (each may be a $ref) at `place`, for `scope`'s operations. */
export function compareSchemas(
  walk: Walk,
  basePointer: string,
  headPointer: string,
  direction: Direction,
  place: Place,
  scope: Scope,
): void {
  const label = describe(place);
  const rawHead = node(walk.head, headPointer);
  const rawBase = node(walk.base, basePointer);
  // A $ref with a sibling `deprecated: true` deprecates this use of the schema, not the schema.
  if (rawHead.deprecated === true && rawBase.deprecated !== true && rawHead.$ref)
    adder(walk, scope, headPointer)('deprecated', `${label} is deprecated`, 'deprecated');
  const b = follow(walk.base, basePointer);
  const h = follow(walk.head, headPointer);
  const key = `${scope.operations.join(',')} ${direction} ${b} ${h}`;
  if (walk.seen.has(key)) return;
  walk.seen.add(key);
  const base = node(walk.base, b);
  const head = node(walk.head, h);
  const add = adder(walk, scope, h);

  if (head.deprecated === true && base.deprecated !== true)
    add('deprecated', `${label} is deprecated`, 'deprecated');
  compareAlternatives(walk, [b, h], direction, place, scope, compareSchemas);
  compareTypes(base, head, direction, label, add);
  compareValues(base, head, direction, label, add);
  compareConstraints(base, head, direction, label, add);
  compareProperties(walk, [b, h], direction, place, scope, compareSchemas);
  if (base.items && head.items)
    compareSchemas(walk, `${b}/items`, `${h}/items`, direction, inside(place, '[]'), scope);
  if (direction === 'request' && base.additionalProperties !== false && head.additionalProperties === false)
    add('request-closed', `${label} no longer accepts undeclared fields`, 'clients');
  compareAllOf(walk, [b, h], direction, place, scope);
}

/** allOf parts compared in order; a part more or less changes what the schema requires. */
function compareAllOf(
  walk: Walk,
  [b, h]: [base: string, head: string],
  direction: Direction,
  place: Place,
  scope: Scope,
) {
  const before = node(walk.base, b).allOf?.length ?? 0;
  const after = node(walk.head, h).allOf?.length ?? 0;
  const label = describe(place);
  const add = adder(walk, scope, h);
  for (let i = 0; i < Math.min(before, after); i++)
    compareSchemas(walk, `${b}/allOf/${i}`, `${h}/allOf/${i}`, direction, place, scope);
  if (after > before)
    add('allof-added', `${label} gained an allOf part`, direction === 'request' ? 'clients' : 'servers');
  if (after < before)
    add('allof-removed', `${label} lost an allOf part`, direction === 'request' ? 'changed' : 'clients');
}
