// A plain object: not null, not an array. One definition for the client, the mock and the validators.
import type { Json, JsonObject } from '../contract/spec.ts';

export function isObject(value: Json | undefined): value is JsonObject;
export function isObject(value: unknown): value is Record<string, unknown>;
export function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
