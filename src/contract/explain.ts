// Why a value breaks a schema, said precisely: a union told apart by a const is narrowed to the branch
// the value claims, and a broken object is explained property by property, from the errors of its one
// check where its schema allows. Plans are worked out once per schema: checks run in hot loops.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { propertyPointer } from './checked-schemas.ts';
import { alternatives, constOf, type Spec } from '../kernel/contract.ts';
import { at, follow } from '../kernel/pointer.ts';
import type { Violation } from './validate.ts';
import { isObject } from '../kernel/json.ts';

/** An Ajv error in words, with the allowed values or constant it names. */
export function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (Array.isArray(params.allowedValues)) return `${error.message}: ${params.allowedValues.join(', ')}`;
  if (error.keyword === 'const') return `${error.message} ${JSON.stringify(params.allowedValue)}`;
  return error.message ?? error.keyword;
}

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

/** Whether an instancePath is below the value at its first `depth` characters (`_path`: as isUnder's). */
const isBelow = (instancePath: string, _path: string, depth: number) => instancePath.length > depth;

/** Whether an instancePath is at or below `path` (`/key`) after its first `depth` characters. */
function isUnder(instancePath: string, path: string, depth: number): boolean {
  const end = depth + path.length;
  return (
    (instancePath.length === end || instancePath.charCodeAt(end) === 47) /* / */ &&
    instancePath.slice(depth, end) === path
  );
}

/** What `explain` needs to know of a schema, worked out once per pointer. */
export interface SchemaPlan {
  validate: ValidateFunction;
  /** For a union whose branches a property's const tells apart: that property and the branch of each value. */
  narrowing?: { property: string; branchOf: Map<string | undefined, string>; allowed: string };
  /** The schema's own `properties`: each key, its schema's pointer and its prefix in an error's instancePath. */
  properties?: { key: string; pointer: string; path: string; plain: boolean; plan?: SchemaPlan }[];
  /** Whether nothing but `properties` reaches into the object: a property's errors are then its schema's own. */
  propertiesOnly: boolean;
}

/** The plans of a spec's schemas and `explain` over them, validating with `compile`'s functions. */
export function explainer(spec: Spec, compile: (pointer: string) => ValidateFunction) {
  /** The property whose const tells the alternatives apart (`code`, `status`, `type`), if any. */
  function discriminator(branches: string[]): string | undefined {
    const first = at(spec, branches[0]!);
    const candidates = new Set<string>();
    const collect = (pointer: string) => {
      const node = at(spec, follow(spec, pointer));
      if (!isObject(node)) return;
      Object.keys(isObject(node.properties) ? node.properties : {}).forEach(k => candidates.add(k));
      if (Array.isArray(node.allOf))
        node.allOf.forEach((_, i) => collect(`${follow(spec, pointer)}/allOf/${i}`));
    };
    if (first !== undefined) collect(branches[0]!);
    return [...candidates].find(property => {
      const values = branches.map(b => constOf(spec, b, property));
      return (
        values.every(v => v !== undefined) &&
        new Set(values.map(v => JSON.stringify(v))).size === values.length
      );
    });
  }

  const plans = new Map<string, SchemaPlan>();
  function planOf(pointer: string): SchemaPlan {
    let plan = plans.get(pointer);
    if (plan) return plan;
    const resolved = follow(spec, pointer);
    const node = at(spec, resolved);
    let narrowing: SchemaPlan['narrowing'];
    const branches = alternatives(spec, resolved);
    if (branches.length > 1 || branches[0] !== resolved) {
      const property = discriminator(branches);
      if (property) {
        const values = branches.map(b => JSON.stringify(constOf(spec, b, property)));
        const branchOf = new Map<string | undefined, string>();
        branches.forEach((b, i) => branchOf.has(values[i]) || branchOf.set(values[i], b));
        narrowing = { property, branchOf, allowed: values.join(', ') };
      }
    }
    const properties =
      isObject(node) && isObject(node.properties)
        ? Object.keys(node.properties).map(key => {
            const pointer = propertyPointer(resolved, key);
            const path = pointer.slice(pointer.lastIndexOf('/'));
            return { key, pointer, path, plain: path === `/${key}`, plan: undefined };
          })
        : undefined;
    // Every field set at once: plans of one shape keep the checks' property reads monomorphic.
    plan = {
      validate: compile(pointer),
      narrowing,
      properties,
      propertiesOnly: isObject(node) && Object.keys(node).every(isLocalKeyword),
    };
    plans.set(pointer, plan);
    return plan;
  }

  /**
   * Appends to `out` the violations of `value` against a schema, narrowed to the alternative it
   * claims to be (appending, not returning: no array per level on the hot path). `known`: the schema's
   * errors for this value when a parent's check already found them (never empty), their instancePaths
   * relative to this value after their first `depth` characters.
   */
  function explain(
    out: Violation[],
    plan: SchemaPlan,
    value: unknown,
    where: string,
    known?: ErrorObject[],
    depth = 0,
  ): void {
    const { narrowing, properties } = plan;
    if (narrowing && isObject(value)) {
      // A union told apart by a const: only the branch the value claims can match, so it alone is checked.
      const claimedValue = value[narrowing.property];
      if (claimedValue !== undefined && (claimedValue === null || typeof claimedValue !== 'object'))
        return narrow(out, narrowing, JSON.stringify(claimedValue), value, where);
    }
    let errors = known;
    if (!errors) {
      if (plan.validate(value)) return;
      errors = plan.validate.errors ?? [];
      depth = 0;
    }
    if (narrowing && isObject(value))
      return narrow(out, narrowing, JSON.stringify(value[narrowing.property]), value, where);
    if (properties && isObject(value)) {
      const before = out.length;
      for (const e of errors) if (e.instancePath.length === depth) out.push({ where, message: describe(e) });
      // With one property (an error envelope's `error`), every error below this value is that property's.
      const owns = properties.length === 1 ? isBelow : isUnder;
      for (const property of properties) {
        if (!(property.key in value)) continue;
        const child = value[property.key];
        const childPlan = (property.plan ??= planOf(property.pointer));
        if (!plan.propertiesOnly || child === undefined) {
          explain(out, childPlan, child, `${where}/${property.key}`);
          continue;
        }
        // Under a schema where only `properties` reaches a property, the errors found above are its own: no second check.
        if (property.plain && !((childPlan.narrowing || childPlan.properties) && isObject(child))) {
          // Nothing to narrow to: its violations are those errors, where they are.
          for (const e of errors)
            if (owns(e.instancePath, property.path, depth))
              out.push({ where: where + e.instancePath.slice(depth), message: describe(e) });
          continue;
        }
        const own = errors.filter(e => owns(e.instancePath, property.path, depth));
        if (own.length > 0)
          explain(out, childPlan, child, `${where}/${property.key}`, own, depth + property.path.length);
      }
      if (out.length > before) return;
    }
    for (const e of errors) out.push({ where: where + e.instancePath.slice(depth), message: describe(e) });
  }

  /** The branch a union's value claims by its discriminating const, explained; or why no branch is claimed. */
  function narrow(
    out: Violation[],
    narrowing: NonNullable<SchemaPlan['narrowing']>,
    claimed: string | undefined,
    value: unknown,
    where: string,
  ): void {
    const branch = narrowing.branchOf.get(claimed);
    if (!branch)
      out.push({
        where: `${where}/${narrowing.property}`,
        message: `${claimed} is not one of the allowed values here: ${narrowing.allowed}`,
      });
    else explain(out, planOf(branch), value, where);
  }

  return { planOf, explain };
}
