// Compares the two versions of one schema, knowing which way its data flows. A request schema may
// accept more but not less (clients send what the base allowed); a response schema may promise more
// but not send more kinds of values (clients read what the base described). Servers held by the
// contract suite break the other way: a response that must now carry more, a narrower response.
import { at, escapeToken as escape, follow as followRef } from '../../src/kernel/pointer.ts';
import { constOf, type Contract, type Spec } from '../../src/kernel/contract.ts';
import { type Json } from '../../src/kernel/json.ts';
import { change, type Change, type Scope } from './change.ts';

export type Direction = 'request' | 'response';
type Node = Record<string, any>;

export interface Walk {
  base: Spec;
  head: Spec;
  /** Each spec read once as operations and webhooks. */
  contracts: { base: Contract; head: Contract };
  out: Change[];
  /** Pairs already compared for an operation in a direction: schemas may be recursive. */
  seen: Set<string>;
}

/** Lookups by pointer, remembered per spec: the walk asks for the same nodes many times. */
const lookups = new WeakMap<Spec, Map<string, unknown>>();
function remembered<T>(spec: Spec, key: string, compute: () => T): T {
  const known = lookups.get(spec) ?? lookups.set(spec, new Map()).get(spec)!;
  if (!known.has(key)) known.set(key, compute());
  return known.get(key) as T;
}

const node = (spec: Spec, pointer: string): Node =>
  remembered(spec, `node ${pointer}`, () => {
    const value = at(spec, pointer);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {};
  });
const follow = (spec: Spec, pointer: string): string =>
  remembered(spec, `follow ${pointer}`, () => followRef(spec, pointer));
const json = (value: unknown) => JSON.stringify(value);
const code = (value: unknown) => '`' + (typeof value === 'string' ? value : json(value)) + '`';

/** Where a schema is: `context` ("the request body") and the field path inside it (`images[].url`). */
export interface Place {
  context: string;
  path: string;
}
const describe = ({ context, path }: Place) => (path ? `\`${path}\` in ${context}` : context);
const inside = ({ context, path }: Place, step: string): Place => ({
  context,
  path: step === '[]' ? `${path}[]` : path ? `${path}.${step}` : step,
});

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
  if (rawHead.deprecated === true && rawBase.deprecated !== true && rawHead.$ref) {
    walk.out.push(change('deprecated', `${label} is deprecated`, headPointer, scope, 'deprecated'));
  }
  const b = follow(walk.base, basePointer);
  const h = follow(walk.head, headPointer);
  const key = `${scope.operations.join(',')} ${direction} ${b} ${h}`;
  if (walk.seen.has(key)) return;
  walk.seen.add(key);
  const base = node(walk.base, b);
  const head = node(walk.head, h);
  const add = (
    rule: string,
    message: string,
    kind: Parameters<typeof change>[4],
    pointer = h,
    side: 'head' | 'base' = 'head',
  ) => walk.out.push(change(rule, message, pointer, scope, kind, side));

  if (head.deprecated === true && base.deprecated !== true)
    add('deprecated', `${label} is deprecated`, 'deprecated');
  compareAlternatives(walk, b, h, direction, place, scope);
  compareTypes(base, head, direction, label, add);
  compareValues(base, head, direction, label, add);
  compareConstraints(base, head, direction, label, add);
  compareProperties(walk, b, h, direction, place, scope);
  if (base.items && head.items)
    compareSchemas(walk, `${b}/items`, `${h}/items`, direction, inside(place, '[]'), scope);
  if (direction === 'request' && base.additionalProperties !== false && head.additionalProperties === false) {
    add('request-closed', `${label} no longer accepts undeclared fields`, 'clients');
  }
  const parts = Math.min(base.allOf?.length ?? 0, head.allOf?.length ?? 0);
  for (let i = 0; i < parts; i++)
    compareSchemas(walk, `${b}/allOf/${i}`, `${h}/allOf/${i}`, direction, place, scope);
  if ((head.allOf?.length ?? 0) > (base.allOf?.length ?? 0))
    add('allof-added', `${label} gained an allOf part`, direction === 'request' ? 'clients' : 'servers');
  if ((head.allOf?.length ?? 0) < (base.allOf?.length ?? 0))
    add('allof-removed', `${label} lost an allOf part`, direction === 'request' ? 'changed' : 'clients');
}

type Add = (
  rule: string,
  message: string,
  kind: Parameters<typeof change>[4],
  pointer?: string,
  side?: 'head' | 'base',
) => void;

const typesOf = (schema: Node): string[] | undefined =>
  Array.isArray(schema.type) ? schema.type : typeof schema.type === 'string' ? [schema.type] : undefined;

/** `type` narrowed or widened; an integer is a number. */
function compareTypes(base: Node, head: Node, direction: Direction, label: string, add: Add) {
  const before = typesOf(base);
  const after = typesOf(head);
  if (!before || !after) return;
  const within = (type: string, set: string[]) =>
    set.includes(type) || (type === 'integer' && set.includes('number'));
  const gained = after.filter(t => !within(t, before));
  const lost = before.filter(t => !within(t, after));
  if (!gained.length && !lost.length) return;
  const message = `${label} changed type from ${code(before.join('|'))} to ${code(after.join('|'))}`;
  if (direction === 'request')
    add(
      lost.length ? 'request-type-narrowed' : 'request-type-widened',
      message,
      lost.length ? 'clients' : 'changed',
    );
  else
    add(
      gained.length ? 'response-type-widened' : 'response-type-narrowed',
      message,
      gained.length ? 'clients' : 'servers',
    );
}

/** `const` and `enum`: a request that accepts fewer values, a response that sends new ones. */
function compareValues(base: Node, head: Node, direction: Direction, label: string, add: Add) {
  const request = direction === 'request';
  if ('const' in base && 'const' in head && json(base.const) !== json(head.const)) {
    add('const-changed', `${label} changed from ${code(base.const)} to ${code(head.const)}`, 'both');
  } else if (!('const' in base) && 'const' in head) {
    add(
      `${direction}-const-added`,
      `${label} must now be ${code(head.const)}`,
      request ? 'clients' : 'changed',
    );
  } else if ('const' in base && !('const' in head)) {
    add(
      `${direction}-const-removed`,
      `${label} is no longer always ${code(base.const)}`,
      request ? 'changed' : 'clients',
    );
  }
  const before = Array.isArray(base.enum) ? base.enum.map(json) : undefined;
  const after = Array.isArray(head.enum) ? head.enum.map(json) : undefined;
  if (before && after) {
    const gained = after.filter((v: string) => !before.includes(v)).map((v: string) => code(JSON.parse(v)));
    const lost = before.filter((v: string) => !after.includes(v)).map((v: string) => code(JSON.parse(v)));
    if (gained.length) {
      add(
        `${direction}-enum-value-added`,
        `${label} has new value ${gained.join(', ')}${request ? '' : ': clients that switch on it break'}`,
        request ? 'added' : 'clients',
      );
    }
    if (lost.length)
      add(
        `${direction}-enum-value-removed`,
        `${label} lost value ${lost.join(', ')}`,
        request ? 'clients' : 'servers',
      );
  } else if (!before && after) {
    add(
      `${direction}-enum-added`,
      `${label} is now limited to ${after.map((v: string) => code(JSON.parse(v))).join(', ')}`,
      request ? 'clients' : 'servers',
    );
  } else if (before && !after) {
    add(
      `${direction}-enum-removed`,
      `${label} is no longer limited to a list of values`,
      request ? 'changed' : 'clients',
    );
  }
}

const HIGHER_IS_TIGHTER = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'];
const LOWER_IS_TIGHTER = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'];
/** Keywords whose change cannot be ordered: any change is both tighter and looser. */
const UNORDERED = ['pattern', 'format', 'multipleOf'];

/** Bounds, patterns and formats: a tighter request or a looser response breaks clients. */
function compareConstraints(base: Node, head: Node, direction: Direction, label: string, add: Add) {
  for (const keyword of [...HIGHER_IS_TIGHTER, ...LOWER_IS_TIGHTER, ...UNORDERED]) {
    const before = base[keyword];
    const after = head[keyword];
    if (json(before) === json(after)) continue;
    const higher = HIGHER_IS_TIGHTER.includes(keyword);
    const tighter =
      before === undefined ||
      (after !== undefined && (UNORDERED.includes(keyword) || (higher ? after > before : after < before)));
    const looser = after === undefined || UNORDERED.includes(keyword) || !tighter;
    const message = `${label}: ${keyword} ${before === undefined ? 'added' : after === undefined ? 'removed' : 'changed'} (${code(before ?? '-')} → ${code(after ?? '-')})`;
    if (direction === 'request')
      add(
        tighter ? 'request-constraint-tightened' : 'request-constraint-loosened',
        message,
        tighter ? 'clients' : 'changed',
      );
    else if (looser) add('response-constraint-loosened', message, 'clients');
    else add('response-constraint-tightened', message, 'servers');
  }
}

/** The fields of an object: added, removed, newly required or optional; then each field itself. */
function compareProperties(
  walk: Walk,
  b: string,
  h: string,
  direction: Direction,
  place: Place,
  scope: Scope,
) {
  const base = node(walk.base, b);
  const head = node(walk.head, h);
  const before = (base.properties ?? {}) as Node;
  const after = (head.properties ?? {}) as Node;
  const wasRequired = new Set<string>(base.required ?? []);
  const isRequired = new Set<string>(head.required ?? []);
  const request = direction === 'request';
  const where = place.context;
  const add = (
    rule: string,
    message: string,
    kind: Parameters<typeof change>[4],
    pointer: string,
    side: 'head' | 'base' = 'head',
  ) => walk.out.push(change(rule, message, pointer, scope, kind, side));
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
    compareSchemas(walk, `${b}/properties/${escape(name)}`, pointer, direction, inside(place, name), scope);
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

/** A union (`oneOf`/`anyOf`): alternatives matched by discriminant; a new one in a response breaks clients. */
function compareAlternatives(
  walk: Walk,
  b: string,
  h: string,
  direction: Direction,
  place: Place,
  scope: Scope,
) {
  const label = describe(place);
  const base = node(walk.base, b);
  const head = node(walk.head, h);
  const union = (schema: Node) => Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf);
  if (!union(base) && !union(head)) return;
  const keyed = (spec: Spec, pointer: string) => keyedMembers(spec, membersOf(spec, pointer));
  const before = keyed(walk.base, b);
  const after = keyed(walk.head, h);
  for (const [key, member] of after) {
    const matched = before.get(key);
    if (matched) {
      if (matched !== b || member !== h) compareSchemas(walk, matched, member, direction, place, scope);
      continue;
    }
    if (isCatalogued(walk.head, member)) continue;
    if (direction === 'request')
      walk.out.push(
        change(
          'request-alternative-added',
          `${label} accepts a new kind: ${code(key)}`,
          member,
          scope,
          'added',
        ),
      );
    else
      walk.out.push(
        change(
          'response-alternative-added',
          `${label} has a new kind: ${code(key)}: clients that switch on it break`,
          member,
          scope,
          'clients',
        ),
      );
  }
  for (const [key, member] of before) {
    if (after.has(key) || isCatalogued(walk.base, member)) continue;
    if (direction === 'request')
      walk.out.push(
        change(
          'request-alternative-removed',
          `${label} no longer accepts ${code(key)}`,
          member,
          scope,
          'clients',
          'base',
        ),
      );
    else
      walk.out.push(
        change(
          'response-alternative-removed',
          `${label} no longer has ${code(key)}`,
          member,
          scope,
          'servers',
          'base',
        ),
      );
  }
}
