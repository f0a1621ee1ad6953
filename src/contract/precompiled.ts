// The runtime of the validators compiled at build time (generated/validators.cjs, written by
// scripts/validators.ts): the helpers Ajv's code calls, and each group's module loaded on the first
// check that needs one of its schemas. Loading is the index's plain `require` of a module file, so it is
// synchronous (as checks are) and needs no eval: runtimes that forbid it take this path too.
import type { ValidateFunction } from 'ajv';
import ucs2 from 'ajv/dist/runtime/ucs2length.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';

// Ajv's runtime helper is CommonJS with a `default` export: the function itself under a bundler or
// vitest, `{ default }` under Node's ESM loader.
const ucs2length: (text: string) => number =
  (ucs2 as unknown as { default?: (text: string) => number }).default ?? ucs2;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** A string's length in code points, as Ajv's ucs2length counts it: without a surrogate pair, one per character (no loop). */
export const codePoints = (text: string): number =>
  HIGH_SURROGATE.test(text) ? ucs2length(text) : text.length;

const rfc3986 = fullFormats.uri as (text: string) => boolean;
// A plain URL (scheme://host[:port]/path?query#fragment in unreserved characters) is a sublanguage of
// the full pattern: it is accepted at once, and anything else is left to the full pattern.
const PLAIN_URL =
  /^[a-z][a-z0-9+\-.]*:\/\/[a-z0-9\-._~]*(?::\d*)?(?:\/[a-z0-9\-._~]*)*(?:\?[a-z0-9\-._~=&]*)?(?:#[a-z0-9\-._~]*)?$/i;

/** `format: uri` exactly as ajv-formats judges it, a plain URL without its long pattern. */
export const uri = (text: string): boolean => PLAIN_URL.test(text) || rfc3986(text);

/** What the generated modules are handed instead of requiring Ajv's helpers: this module's shortcuts. */
export interface Helpers {
  codePoints: (text: string) => number;
  uri: (text: string) => boolean;
}
const helpers: Helpers = { codePoints, uri };

/** The module of the code two or more groups reach: called once, it returns those declarations by name. */
export type SharedModule = (helpers: Helpers) => Record<string, unknown>;
/** A group's module: called with the helpers and the shared declarations, it returns its entry functions by name. */
export type GroupModule = (
  helpers: Helpers,
  shared: Record<string, unknown>,
) => Record<string, ValidateFunction>;

/** What generated/validators.cjs exports: the build's code as modules, each loaded by its own function. */
export interface PrecompiledBuild {
  /** sha256 of JSON.stringify(bundle): the bundle the code was compiled from. */
  bundleDigest: string;
  /** Requires the shared module (a literal path, for bundlers to follow). */
  shared: () => SharedModule;
  /** Group g's module, required by `groups[g]()`. */
  groups: readonly (() => GroupModule)[];
  /** Schema pointer → its group and its function's name among the group's entries. */
  entries: Readonly<Record<string, readonly [group: number, name: string]>>;
}

/** Schema pointer → its precompiled validator, or undefined when the build has none for it. */
export type PrecompiledLookup = (pointer: string) => ValidateFunction | undefined;

// One set of instances per build, as when the module held them: every validator of the bundle shares them.
const lookups = new WeakMap<PrecompiledBuild, PrecompiledLookup>();

/** The validators of a build, each group's module loaded and instantiated on the first read of one of its schemas. */
export function precompiledValidators(build: PrecompiledBuild): PrecompiledLookup {
  let lookup = lookups.get(build);
  if (lookup) return lookup;
  let shared: Record<string, unknown> | undefined;
  const instances: (Record<string, ValidateFunction> | undefined)[] = [];
  const group = (g: number) =>
    (instances[g] ??= build.groups[g]!()(helpers, (shared ??= build.shared()(helpers))));
  lookup = pointer => {
    const entry = Object.hasOwn(build.entries, pointer) ? build.entries[pointer] : undefined;
    return entry && group(entry[0])[entry[1]];
  };
  lookups.set(build, lookup);
  return lookup;
}
