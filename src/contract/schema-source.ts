// Where a check's validators come from: the build's precompiled modules when the contract is the
// bundle they were compiled from, else Ajv compiling the caller's spec on demand.
import type { ValidateFunction } from 'ajv';
import type { Contract } from '../kernel/contract.ts';
import { createSpecAjv, specRef } from './ajv.ts';
import { specDigest } from './digest.ts';
import { precompiledValidators, type PrecompiledBuild } from './precompiled.ts';

/** Schema pointer → its validator, each looked up or compiled once; throws for a pointer with no schema. */
export type Compile = (pointer: string) => ValidateFunction;

/** The validators of `contract`: `precompiled` when `built` (if any) was compiled from this very bundle. */
export function schemaSource(
  contract: Contract,
  built: PrecompiledBuild | undefined,
): { precompiled: boolean; compile: Compile } {
  const lookup =
    built && specDigest(contract.spec) === built.bundleDigest ? precompiledValidators(built) : undefined;
  let ajv: ReturnType<typeof createSpecAjv> | undefined;
  const compiled = new Map<string, ValidateFunction>();
  const compile = (pointer: string): ValidateFunction => {
    let fn = compiled.get(pointer);
    if (!fn) {
      fn = lookup ? lookup(pointer) : (ajv ??= createSpecAjv(contract.spec)).getSchema(specRef(pointer));
      if (!fn) throw new Error(`No schema at ${pointer}`);
      compiled.set(pointer, fn);
    }
    return fn;
  };
  return { precompiled: lookup !== undefined, compile };
}
