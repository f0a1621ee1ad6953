// The one value a schema admits. The contract spells a discriminating value `type` + `enum: [value]`
// (the form every client generator reads as a literal); `const` is the same constraint in JSON Schema.
import type { Json, JsonObject } from './json.ts';

/** The schema's single admitted value (`enum: [value]` or `const: value`), or undefined. */
export function fixedValue(schema: JsonObject): Json | undefined {
  if ('const' in schema) return schema.const as Json;
  return Array.isArray(schema.enum) && schema.enum.length === 1 ? (schema.enum[0] as Json) : undefined;
}
