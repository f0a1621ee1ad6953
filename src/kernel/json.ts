// What JSON is, and a plain object: not null, not an array. One definition for the client, the
// contract, the mock and the proxy; browser-safe, so the client can ship it.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: Json | undefined): value is JsonObject;
export function isObject(value: unknown): value is Record<string, unknown>;
export function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value if it is a plain object, else an empty one: for reading optional parts of a spec. */
export const asObject = (value: Json | undefined): JsonObject => (isObject(value) ? value : {});
