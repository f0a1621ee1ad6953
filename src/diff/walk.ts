// What every rule of the diff shares: the two versions being compared, the changes found so far,
// and lookups by pointer remembered per spec (the walk asks for the same nodes many times).
import { at, follow as followRef } from '../kernel/pointer.ts';
import type { Contract, Spec } from '../kernel/contract.ts';
import { change, type Change, type Kind, type Scope } from './change.ts';

/** Which way a schema's data flows: a request is sent by clients, a response read by them. */
export type Direction = 'request' | 'response';
export type Node = Record<string, any>;

export interface Walk {
  base: Spec;
  head: Spec;
  /** Each spec read once as operations and webhooks. */
  contracts: { base: Contract; head: Contract };
  out: Change[];
  /** Pairs already compared for an operation in a direction: schemas may be recursive. */
  seen: Set<string>;
}

/** Where a schema is: `context` ("the request body") and the field path inside it (`images[].url`). */
export interface Place {
  context: string;
  path: string;
}

/** The schema comparison itself (schemas.ts), handed to the rules that recurse into parts of a schema. */
export type CompareSchemas = (
  walk: Walk,
  basePointer: string,
  headPointer: string,
  direction: Direction,
  place: Place,
  scope: Scope,
) => void;

/** Records a change found at `pointer` (the schema compared, unless said). */
export type Add = (
  rule: string,
  message: string,
  kind: Kind,
  pointer?: string,
  side?: 'head' | 'base',
) => void;

const lookups = new WeakMap<Spec, Map<string, unknown>>();
/** `compute()`, once per spec and key: specs are never changed once bundled. */
export function remembered<T>(spec: Spec, key: string, compute: () => T): T {
  const known = lookups.get(spec) ?? lookups.set(spec, new Map()).get(spec)!;
  if (!known.has(key)) known.set(key, compute());
  return known.get(key) as T;
}

/** The object at `pointer`, or an empty one. */
export const node = (spec: Spec, pointer: string): Node =>
  remembered(spec, `node ${pointer}`, () => {
    const value = at(spec, pointer);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {};
  });
/** The node at `pointer` as written (or an empty object): operations, parameters, request bodies. */
export const nodeAt = (spec: Spec, pointer: string): Node => (at(spec, pointer) ?? {}) as Node;
/** `pointer` with its $refs followed. */
export const follow = (spec: Spec, pointer: string): string =>
  remembered(spec, `follow ${pointer}`, () => followRef(spec, pointer));

export const json = (value: unknown) => JSON.stringify(value);
/** A value as inline code in a message. */
export const code = (value: unknown) => '`' + (typeof value === 'string' ? value : json(value)) + '`';

export const describe = ({ context, path }: Place) => (path ? `\`${path}\` in ${context}` : context);
export const inside = ({ context, path }: Place, step: string): Place => ({
  context,
  path: step === '[]' ? `${path}[]` : path ? `${path}.${step}` : step,
});

/** An `Add` for `scope`'s operations, at `pointer` by default. */
export const adder =
  (walk: Walk, scope: Scope, pointer: string): Add =>
  (rule, message, kind, where = pointer, side = 'head') =>
    walk.out.push(change(rule, message, where, scope, kind, side));
