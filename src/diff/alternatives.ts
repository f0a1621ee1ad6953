// A union (`oneOf`/`anyOf`) across versions: its alternatives matched by what tells them apart, the
// matched ones compared as schemas. A new kind in a response breaks clients that switch on it; a kind
// a request no longer accepts breaks the clients that send it. Error and failure codes are left to
// the catalogue's rules (catalogue.ts).
import type { Json } from '../kernel/json.ts';
import { constOf, type Spec } from '../kernel/contract.ts';
import type { Scope } from './change.ts';
import {
  adder,
  code,
  describe,
  follow,
  json,
  node,
  remembered,
  type CompareSchemas,
  type Direction,
  type Node,
  type Place,
  type Walk,
} from './walk.ts';

/** The `const` properties of a schema (and of its allOf parts), e.g. { status: 'failed' }. */
function constsOf(spec: Spec, pointer: string): Map<string, string> {
  return remembered(spec, `consts ${pointer}`, () => readConsts(spec, pointer));
}

function readConsts(spec: Spec, pointer: string): Map<string, string> {
  const schema = node(spec, pointer);
  const names = new Set<string>(Object.keys(schema.properties ?? {}));
  (schema.allOf ?? []).forEach((_: unknown, i: number) =>
    Object.keys(node(spec, follow(spec, `${pointer}/allOf/${i}`)).properties ?? {}).forEach(name =>
      names.add(name),
    ),
  );
  const consts = new Map<string, string>();
  for (const name of names) {
    const value = constOf(spec, pointer, name);
    if (value !== undefined) consts.set(name, typeof value === 'string' ? value : json(value));
  }
  return consts;
}

/** Alternatives keyed by what tells them apart: a `const` property unique to each (`status=failed`), else the title. */
function keyedMembers(spec: Spec, members: string[]): Map<string, string> {
  const consts = members.map(member => constsOf(spec, member));
  const names = [...(consts[0]?.keys() ?? [])].sort(
    (a, b) => Number(b === 'code' || b === 'status') - Number(a === 'code' || a === 'status'),
  );
  const unique = names.find(
    name => consts.every(c => c.has(name)) && new Set(consts.map(c => c.get(name))).size === members.length,
  );
  return new Map(
    members.map((member, i) => [
      unique ? `${unique}=${consts[i]!.get(unique)}` : String(node(spec, member).title ?? `#${i}`),
      member,
    ]),
  );
}

const membersOf = (spec: Spec, pointer: string): string[] => {
  const schema = node(spec, pointer);
  const keyword = Array.isArray(schema.oneOf) ? 'oneOf' : Array.isArray(schema.anyOf) ? 'anyOf' : undefined;
  return keyword
    ? (schema[keyword] as Json[]).map((_, i) => follow(spec, `${pointer}/${keyword}/${i}`))
    : [pointer];
};

/** An error or failure code schema: its union grows and shrinks by the catalogue's rules, not these. */
const isCatalogued = (spec: Spec, pointer: string) => {
  const schema = node(spec, pointer);
  return 'x-status' in schema || 'x-retryable' in schema;
};

const isUnion = (schema: Node) => Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf);

export function compareAlternatives(
  walk: Walk,
  [b, h]: [base: string, head: string],
  direction: Direction,
  place: Place,
  scope: Scope,
  compare: CompareSchemas,
) {
  if (!isUnion(node(walk.base, b)) && !isUnion(node(walk.head, h))) return;
  const label = describe(place);
  const request = direction === 'request';
  const add = adder(walk, scope, h);
  const before = keyedMembers(walk.base, membersOf(walk.base, b));
  const after = keyedMembers(walk.head, membersOf(walk.head, h));
  for (const [key, member] of after) {
    const matched = before.get(key);
    if (matched) {
      if (matched !== b || member !== h) compare(walk, matched, member, direction, place, scope);
      continue;
    }
    if (isCatalogued(walk.head, member)) continue;
    if (request)
      add('request-alternative-added', `${label} accepts a new kind: ${code(key)}`, 'added', member);
    else
      add(
        'response-alternative-added',
        `${label} has a new kind: ${code(key)}: clients that switch on it break`,
        'clients',
        member,
      );
  }
  for (const [key, member] of before) {
    if (after.has(key) || isCatalogued(walk.base, member)) continue;
    if (request)
      add(
        'request-alternative-removed',
        `${label} no longer accepts ${code(key)}`,
        'clients',
        member,
        'base',
      );
    else
      add('response-alternative-removed', `${label} no longer has ${code(key)}`, 'servers', member, 'base');
  }
}
