// The working tree's openapi/ against a base ref: both bundled in-process, diffed and gated.
import { root } from '../artifacts.ts';
import { checkoutBase, defaultBase } from './base.ts';
import { bundleTree } from './bundle.ts';
import { diffContracts } from './diff.ts';
import { gate } from './gate.ts';

/** The changes from `ref` to the working tree of `dir`, and the gate's verdict on them. */
export async function compareWithBase(dir = root, ref = defaultBase(dir)) {
  const checkout = checkoutBase(dir, ref);
  try {
    const [base, head] = await Promise.all([bundleTree(checkout.dir), bundleTree(dir)]);
    const changes = diffContracts({ spec: base, dir: checkout.dir }, { spec: head, dir });
    return { ref, base, head, changes, gate: gate(changes, base, head) };
  } finally {
    checkout.remove();
  }
}
