// generated/validators.cjs and generated/validators/: Ajv's standalone code for every schema a contract
// check can reach, so that a validator costs a module load instead of a compilation (~300 ms). Keyed
// by the bundle's digest: src/contract/validate.ts uses it only for that exact bundle. The code is
// split into its top-level declarations: those two or more groups (one per operation and webhook)
// reach are written once, in validators/shared.cjs, and the rest in their group's module. The
// runtime that loads them is src/contract/precompiled.ts; what is written here is only Ajv's code
// and the tables.
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createSpecAjv, specRef } from '../src/contract/ajv.ts';
import { checkedSchemaGroups } from '../src/contract/checked-schemas.ts';
import { specDigest } from '../src/contract/digest.ts';
import { readContract, type Spec } from '../src/kernel/contract.ts';
import { declarationsOf, type Declaration } from './validator-declarations.ts';

/** How Ajv's code counts a string's characters for minLength/maxLength (its `unicode` default). */
const UCS2LENGTH = 'require("ajv/dist/runtime/ucs2length").default';
/** How Ajv's code checks `format: uri` (ajv-formats' full RFC 3986 pattern). */
const URI = 'require("ajv-formats/dist/formats").fullFormats.uri';
/** The helpers src/contract/precompiled.ts hands every module in place of those two. */
const HELPERS = ['codePoints', 'uri'];

/** Where the modules go, under generated/, and how generated/validators.cjs requires each. */
const SHARED = 'validators/shared.cjs';
const groupFile = (g: number) => `validators/${g}.cjs`;

/** Every name `roots` reach through the declarations' uses, themselves included. */
function reach(declarations: Map<string, Declaration>, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...declarations.get(name)!.uses);
  }
  return seen;
}

/** `{ a, b }`: a parameter destructuring, or a returned object, of those names. */
const braced = (list: Iterable<string>) => {
  const all = [...list];
  return all.length > 0 ? `{ ${all.join(', ')} }` : '{}';
};

/** One CommonJS module: a function of `params` whose body is `body` and which returns `returned` by name. */
function moduleText(
  banner: string,
  about: string,
  params: string[],
  body: Declaration[],
  returned: string[],
) {
  return [
    `// ${banner}`,
    `// ${about}`,
    "'use strict';",
    `module.exports = (${params.join(', ')}) => {`,
    ...body.map(d => d.code),
    `return ${braced(returned)};`,
    '};',
    '',
  ].join('\n');
}

/** The names of `among` that `used` holds, in the order of `among`. */
const pick = (among: Iterable<string>, used: Iterable<string>) => {
  const set = new Set(used);
  return [...among].filter(name => set.has(name));
};
/** The helpers a module's declarations call. */
const helpersOf = (body: Declaration[]) => pick(HELPERS, [...new Set(body.flatMap(d => d.helpers))]);

/** Ajv's code for every checked schema (`codePoints`, `uri` for its own helpers), as declarations and each pointer's function. */
function compiledCode(spec: Spec, groups: string[][]) {
  const ajv = createSpecAjv(spec, { source: true });
  const pointers = groups.flat();
  const code = standaloneCode(ajv, Object.fromEntries(pointers.map((p, i) => [`p${i}`, specRef(p)])))
    .replaceAll(UCS2LENGTH, 'codePoints')
    .replaceAll(URI, 'uri');
  const { declarations, exported } = declarationsOf(code, HELPERS);
  let next = 0;
  const entryOf = (pointer: string) => {
    const name = exported.get(`p${next++}`);
    if (!name) throw new Error(`scripts/validators.ts: Ajv's code exports no function for ${pointer}`);
    return name;
  };
  const entries = groups.map(group => group.map(entryOf));
  return { declarations, entries };
}

/** Ajv's code split into the shared module (what two or more groups reach) and one module per group. */
function splitModules(spec: Spec, groups: string[][], banner: string) {
  const { declarations, entries } = compiledCode(spec, groups);
  const reached = entries.map(roots => reach(declarations, roots));
  const counts = new Map<string, number>();
  for (const name of reached.flatMap(names => [...names])) counts.set(name, (counts.get(name) ?? 0) + 1);
  const reaching = (name: string) => counts.get(name) ?? 0;
  // Declarations no group reaches (Ajv also writes out schemas no function reads) are left out.
  const all = [...declarations.values()];
  const shared = all.filter(d => reaching(d.name) >= 2);
  const sharedNames = shared.map(d => d.name);
  const own = reached.map(names => all.filter(d => names.has(d.name) && reaching(d.name) === 1));
  // A group takes from the shared module what its own code uses and the entry functions it returns.
  const taken = own.map((body, g) => pick(sharedNames, [...body.flatMap(d => d.uses), ...entries[g]!]));
  const files = new Map<string, string>();
  const about = "Ajv's code for the schemas two or more groups reach, written once (scripts/validators.ts).";
  files.set(
    SHARED,
    moduleText(banner, about, [braced(helpersOf(shared))], shared, pick(sharedNames, taken.flat())),
  );
  own.forEach((body, g) => {
    const about = `Group ${g} of the validators: ${JSON.stringify(groups[g]![0])} and what only it reaches.`;
    const params = [braced(helpersOf(body)), braced(taken[g]!)];
    files.set(groupFile(g), moduleText(banner, about, params, body, [...new Set(entries[g])]));
  });
  return { files, entries };
}

/**
 * Path under generated/ → text: the index (the digest, a loader per module, the table from pointer to
 * its group and function), its declarations, the shared module and the groups' modules.
 */
export function renderValidators(spec: Spec, banner: string): Map<string, string> {
  const groups = checkedSchemaGroups(readContract(spec));
  const { files, entries } = splitModules(spec, groups, banner);
  const table = groups.flatMap((pointers, g) =>
    pointers.map((pointer, i) => `  ${JSON.stringify(pointer)}: [${g}, ${JSON.stringify(entries[g]![i])}],`),
  );
  // CommonJS, so that each loader is a plain `require` with a literal path: Node loads it synchronously,
  // and a bundler (esbuild, webpack) follows it into a bundle that needs no eval either.
  const index = [
    `// ${banner}`,
    '// The validators compiled from this bundle, for src/contract/precompiled.ts: a module per group, each',
    '// required on the first check that needs it.',
    "'use strict';",
    `exports.bundleDigest = ${JSON.stringify(specDigest(spec))};`,
    `exports.shared = () => require('./${SHARED}');`,
    'exports.groups = [',
    ...groups.map((_, g) => `  () => require('./${groupFile(g)}'),`),
    '];',
    'exports.entries = {',
    ...table,
    '};',
    '',
  ].join('\n');
  return new Map([['validators.cjs', index], ['validators.d.cts', validatorsTypes(banner)], ...files]);
}

const validatorsTypes = (banner: string) => `// ${banner}
import type { PrecompiledBuild } from '../src/contract/precompiled.ts';

/** sha256 of JSON.stringify(bundle): the bundle these functions were compiled from. */
export declare const bundleDigest: PrecompiledBuild['bundleDigest'];
/** Requires the module of the code two or more groups share. */
export declare const shared: PrecompiledBuild['shared'];
/** Requires group g's module: \`groups[g]()\`. */
export declare const groups: PrecompiledBuild['groups'];
/** Schema pointer (\`#/paths/...\`, \`#/components/...\`) → its group and its function's name there. */
export declare const entries: PrecompiledBuild['entries'];
`;
