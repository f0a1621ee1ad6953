// The working tree's openapi/ against a base ref: both bundled in-process, diffed and gated.
import { bundleTree } from '../bundle/bundle.ts';
import type { Spec } from '../kernel/contract.ts';
import { checkoutBase, defaultBase } from './base.ts';
import type { Change } from './change.ts';
import { diffContracts } from './diff.ts';
import { gate, type GateResult } from './gate.ts';

export interface Comparison {
  /** The base compared with, as given or as chosen by default. */
  ref: string;
  base: Spec;
  head: Spec;
  changes: Change[];
  gate: GateResult;
}

/** The changes from `ref` to the working tree of `dir` (the repository), and the gate's verdict on them. */
export async function compareWithBase(dir: string, ref = defaultBase(dir)): Promise<Comparison> {
  const checkout = checkoutBase(dir, ref);
  try {
    const [base, head] = await Promise.all([bundleTree(checkout.dir), bundleTree(dir)]);
    const changes = diffContracts({ spec: base, dir: checkout.dir }, { spec: head, dir });
    return { ref, base, head, changes, gate: gate(changes, base, head) };
  } finally {
    checkout.remove();
  }
}
