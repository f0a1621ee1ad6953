// The shipped bundle, read from disk: generated/openapi.json beside the compiled modules.
import { readFileSync } from 'node:fs';
import { readContract, type Contract, type Spec } from './contract.ts';

export const BUNDLE_PATH = new URL('../../generated/openapi.json', import.meta.url);

export function loadSpec(): Spec {
  return JSON.parse(readFileSync(BUNDLE_PATH, 'utf8')) as Spec;
}

/** The contract of `spec`, or of the shipped bundle when none is given. */
export const loadContract = (spec?: Spec): Contract => readContract(spec ?? loadSpec());
