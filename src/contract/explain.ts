// Why a value breaks a schema, said precisely: a union told apart by a const is narrowed to the branch
// the value claims, and a broken object is explained property by property, from the errors of its one
// check where its schema allows (src/contract/schema-plans.ts works out what each schema allows).
import type { ErrorObject } from 'ajv';
import { isObject } from '../kernel/json.ts';
import type { PropertyPlan, SchemaPlan } from './schema-plans.ts';
import type { Violation } from './violations.ts';

/** An Ajv error in words, with the allowed values or constant it names. */
export function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (Array.isArray(params.allowedValues)) return `${error.message}: ${params.allowedValues.join(', ')}`;
  if (error.keyword === 'const') return `${error.message} ${JSON.stringify(params.allowedValue)}`;
  return error.message ?? error.keyword;
}

const schemaViolation = (where: string, error: ErrorObject): Violation => ({
  kind: 'schema',
  where,
  message: describe(error),
});

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

/**
 * Appends to `out` the violations of `value` against a schema, narrowed to the alternative it
 * claims to be (appending, not returning: no array per level on the hot path). `known`: the schema's
 * errors for this value when a parent's check already found them (never empty), their instancePaths
 * relative to this value after their first `depth` characters.
 */
export function explain(
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
      return narrow(out, plan, JSON.stringify(claimedValue), value, where);
  }
  let errors = known;
  if (!errors) {
    if (plan.validate(value)) return;
    errors = plan.validate.errors ?? [];
    depth = 0;
  }
  if (narrowing && isObject(value))
    return narrow(out, plan, JSON.stringify(value[narrowing.property]), value, where);
  if (properties && isObject(value) && explainProperties(out, plan, properties, value, where, errors, depth))
    return;
  for (const e of errors) out.push(schemaViolation(where + e.instancePath.slice(depth), e));
}

/** An object's errors said property by property, appended to `out`; whether that said anything. */
function explainProperties(
  out: Violation[],
  plan: SchemaPlan,
  properties: PropertyPlan[],
  value: Record<string, unknown>,
  where: string,
  errors: ErrorObject[],
  depth: number,
): boolean {
  const before = out.length;
  for (const e of errors) if (e.instancePath.length === depth) out.push(schemaViolation(where, e));
  // With one property (an error envelope's `error`), every error below this value is that property's.
  const owns = properties.length === 1 ? isBelow : isUnder;
  for (const property of properties) {
    if (!(property.key in value)) continue;
    const child = value[property.key];
    const childPlan = (property.plan ??= plan.plans.of(property.pointer));
    if (!plan.propertiesOnly || child === undefined) {
      explain(out, childPlan, child, `${where}/${property.key}`);
      continue;
    }
    // Under a schema where only `properties` reaches a property, the errors found above are its own: no second check.
    if (property.plain && !((childPlan.narrowing || childPlan.properties) && isObject(child))) {
      // Nothing to narrow to: its violations are those errors, where they are.
      for (const e of errors)
        if (owns(e.instancePath, property.path, depth))
          out.push(schemaViolation(where + e.instancePath.slice(depth), e));
      continue;
    }
    const own = errors.filter(e => owns(e.instancePath, property.path, depth));
    if (own.length > 0)
      explain(out, childPlan, child, `${where}/${property.key}`, own, depth + property.path.length);
  }
  return out.length > before;
}

/** The branch a union's value claims by its discriminating const, explained; or why no branch is claimed. */
function narrow(
  out: Violation[],
  plan: SchemaPlan,
  claimed: string | undefined,
  value: unknown,
  where: string,
) {
  const narrowing = plan.narrowing!;
  const branch = narrowing.branchOf.get(claimed);
  if (!branch)
    out.push({
      kind: 'schema',
      where: `${where}/${narrowing.property}`,
      message: `${claimed} is not one of the allowed values here: ${narrowing.allowed}`,
    });
  else explain(out, plan.plans.of(branch), value, where);
}
