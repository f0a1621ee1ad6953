// The repository, and for a test file a scratch copy of its openapi/ (src/diff/fixtures/scratch.ts)
// with the bundle of the original to diff it against.
import { afterAll, beforeAll } from 'vitest';
import { bundleTree } from '../../src/bundle/bundle.ts';
import { scratchContract, type Scratch } from '../../src/diff/fixtures/scratch.ts';
import type { Spec } from '../../src/kernel/contract.ts';
import { root } from '../../scripts/root.ts';

export const repo = root;

export function useScratch(): { scratch: Scratch; base: Spec } {
  const state = {} as { scratch: Scratch; base: Spec };
  beforeAll(async () => {
    state.scratch = await scratchContract(repo);
    state.base = await bundleTree(repo);
  });
  afterAll(() => state.scratch?.remove());
  return state;
}
