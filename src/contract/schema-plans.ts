// What `explain` needs to know of a schema, worked out once per pointer: its validator, the union a
// const tells apart (to narrow to the branch a value claims) and its properties (to explain a
// broken object property by property). Plans are made once: checks run in hot loops.
import type { ValidateFunction } from 'ajv';
import { propertyPointer } from './checked-schemas.ts';
import type { Compile } from './schema-source.ts';
import { alternatives, constOf, type Spec } from '../kernel/contract.ts';
import { at, follow } from '../kernel/pointer.ts';
import { isObject, type Json } from '../kernel/json.ts';

/** Keywords that reach into an object only through `properties` (or not at all): annotations and checks of the object itself. */
const LOCAL_KEYWORDS = new Set([
  'type',
  'required',
  'properties',
  'title',
  'description',
  'examples',
  'example',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'minProperties',
  'maxProperties',
  'enum',
  'const',
  'format',
  '$comment',
  'discriminator',
  'externalDocs',
  'xml',
]);
const isLocalKeyword = (keyword: string) => LOCAL_KEYWORDS.has(keyword) || keyword.startsWith('x-');

/** A union whose branches a property's const tells apart: that property and the branch of each value. */
export interface Narrowing {
  property: string;
  branchOf: Map<string | undefined, string>;
  allowed: string;
}

/** One of a schema's own `properties`: its key, its schema's pointer and its prefix in an error's instancePath. */
export interface PropertyPlan {
  key: string;
  pointer: string;
  path: string;
  plain: boolean;
  plan?: SchemaPlan;
}

export interface SchemaPlan {
  validate: ValidateFunction;
  narrowing?: Narrowing;
  properties?: PropertyPlan[];
  /** Whether nothing but `properties` reaches into the object: a property's errors are then its schema's own. */
  propertiesOnly: boolean;
  /** The plans this one is among: its properties' and branches' plans are made there. */
  plans: SchemaPlans;
}

/** The property whose const tells the alternatives apart (`code`, `status`, `type`), if any. */
function discriminator(spec: Spec, branches: string[]): string | undefined {
  const candidates = new Set<string>();
  const collect = (pointer: string) => {
    const node = at(spec, follow(spec, pointer));
    if (!isObject(node)) return;
    Object.keys(isObject(node.properties) ? node.properties : {}).forEach(k => candidates.add(k));
    if (Array.isArray(node.allOf))
      node.allOf.forEach((_, i) => collect(`${follow(spec, pointer)}/allOf/${i}`));
  };
  if (at(spec, branches[0]!) !== undefined) collect(branches[0]!);
  return [...candidates].find(property => {
    const values = branches.map(b => constOf(spec, b, property));
    return (
      values.every(v => v !== undefined) && new Set(values.map(v => JSON.stringify(v))).size === values.length
    );
  });
}

/** How the union at `resolved` narrows, when it is one and a const tells its branches apart. */
function narrowingOf(spec: Spec, resolved: string): Narrowing | undefined {
  const branches = alternatives(spec, resolved);
  if (branches.length <= 1 && branches[0] === resolved) return undefined;
  const property = discriminator(spec, branches);
  if (!property) return undefined;
  const values = branches.map(b => JSON.stringify(constOf(spec, b, property)));
  const branchOf = new Map<string | undefined, string>();
  branches.forEach((b, i) => branchOf.has(values[i]) || branchOf.set(values[i], b));
  return { property, branchOf, allowed: values.join(', ') };
}

/** The plans of the properties of the schema `node` at `resolved`, if it has any. */
function propertiesOf(node: Json | undefined, resolved: string): PropertyPlan[] | undefined {
  if (!isObject(node) || !isObject(node.properties)) return undefined;
  return Object.keys(node.properties).map(key => {
    const pointer = propertyPointer(resolved, key);
    const path = pointer.slice(pointer.lastIndexOf('/'));
    return { key, pointer, path, plain: path === `/${key}`, plan: undefined };
  });
}

/** The plans of a spec's schemas, validating with `compile`'s functions, each made on first use. */
export class SchemaPlans {
  private readonly plans = new Map<string, SchemaPlan>();

  constructor(
    readonly spec: Spec,
    readonly compile: Compile,
  ) {}

  of(pointer: string): SchemaPlan {
    let plan = this.plans.get(pointer);
    if (plan) return plan;
    const resolved = follow(this.spec, pointer);
    const node = at(this.spec, resolved);
    const narrowing = narrowingOf(this.spec, resolved);
    const properties = propertiesOf(node, resolved);
    // Every field set at once: plans of one shape keep the checks' property reads monomorphic.
    plan = {
      validate: this.compile(pointer),
      narrowing,
      properties,
      propertiesOnly: isObject(node) && Object.keys(node).every(isLocalKeyword),
      plans: this,
    };
    this.plans.set(pointer, plan);
    return plan;
  }
}
