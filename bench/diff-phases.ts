// Where one `npm run diff` spends its time, measured inside one process (bench/diff.ts runs it both
// compiled and under tsx): start-up (Node, compiling or loading the TypeScript, importing the
// engine), checking out the base, bundling both versions, classifying. Prints one JSON line.
import { bundleTree } from '../src/bundle/bundle.ts';
import { checkoutBase, defaultBase } from '../src/diff/base.ts';
import { diffContracts } from '../src/diff/diff.ts';
import { gate } from '../src/diff/gate.ts';
import { root } from '../scripts/root.ts';

// Milliseconds since the process started: what ran before the first line of this module.
const startup = performance.now();
let mark = startup;
const lap = () => -mark + (mark = performance.now());

const checkout = checkoutBase(root, defaultBase(root));
const checkoutMs = lap();
try {
  const [base, head] = await Promise.all([bundleTree(checkout.dir), bundleTree(root)]);
  const bundleMs = lap();
  gate(diffContracts({ spec: base, dir: checkout.dir }, { spec: head, dir: root }), base, head);
  console.log(JSON.stringify({ startup, checkout: checkoutMs, bundle: bundleMs, classify: lap() }));
} finally {
  checkout.remove();
}
