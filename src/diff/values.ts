// The values one schema admits, compared across versions: its `type`, `const`, `enum`, bounds,
// patterns and formats. A request that accepts fewer values breaks the clients that send them; a
// response that sends more breaks the clients that read it; a response that sends fewer breaks
// servers held to the old one.
import { fixedValue } from '../kernel/fixed-value.ts';
import { code, json, type Add, type Direction, type Node } from './walk.ts';

const typesOf = (schema: Node): string[] | undefined =>
  Array.isArray(schema.type) ? schema.type : typeof schema.type === 'string' ? [schema.type] : undefined;

/** `type` narrowed or widened; an integer is a number. */
export function compareTypes(base: Node, head: Node, direction: Direction, label: string, add: Add) {
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
export function compareValues(base: Node, head: Node, direction: Direction, label: string, add: Add) {
  // `enum: [x]` and `const: x` are one constraint: respelling one as the other is no change, and a
  // single value replaced by another is a changed constant either way.
  const single = fixedValue(base) !== undefined && fixedValue(head) !== undefined;
  const [before, after] = single ? [asConst(base), asConst(head)] : [base, head];
  compareConst(before, after, direction, label, add);
  compareEnum(before, after, direction, label, add);
}

function asConst(schema: Node): Node {
  const out: Node = { ...schema, const: fixedValue(schema) };
  delete out.enum;
  return out;
}

function compareConst(base: Node, head: Node, direction: Direction, label: string, add: Add) {
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
}

function compareEnum(base: Node, head: Node, direction: Direction, label: string, add: Add) {
  const request = direction === 'request';
  const before = Array.isArray(base.enum) ? base.enum.map(json) : undefined;
  const after = Array.isArray(head.enum) ? head.enum.map(json) : undefined;
  const shown = (values: string[]) => values.map((v: string) => code(JSON.parse(v)));
  if (before && after) {
    const gained = shown(after.filter((v: string) => !before.includes(v)));
    const lost = shown(before.filter((v: string) => !after.includes(v)));
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
      `${label} is now limited to ${shown(after).join(', ')}`,
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
export function compareConstraints(base: Node, head: Node, direction: Direction, label: string, add: Add) {
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
