// The openapi-typescript command line that reproduces generated/schema.ts (@mediagen/client/schema)
// from generated/openapi.json: derived from the build's one constant (typesOptions), so the docs
// (docs/generators.md, checked by test/docs/generators.test.ts) and the packages check run what the
// build runs.
import { typesOptions } from './artifacts.ts';

/** `--kebab-case` for an option name. */
const flag = (name: string) => `--${name.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}`;

/**
 * The CLI flags for the build's options, each written out (`--x` or `--x false`: the CLI reads
 * `--x=false` as true), so the command says what it does whatever the CLI's defaults are.
 */
export function typesFlags(options: object = typesOptions): string[] {
  return Object.entries(options).flatMap(([name, value]) => {
    if (typeof value !== 'boolean') throw new Error(`typesOptions.${name}: only boolean options have a flag`);
    return value ? [flag(name)] : [flag(name), 'false'];
  });
}

/** The whole command, as a user runs it next to the published spec, with openapi-typescript at `version`. */
export const typesCommand = (version: string, input = '"$SPEC"', output = 'schema.ts') =>
  ['npx', `openapi-typescript@${version}`, input, '-o', output, ...typesFlags()].join(' ');
