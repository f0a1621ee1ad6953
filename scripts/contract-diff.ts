// `npm run diff -- [base]`: every change of openapi/ since `base` (a git ref; default: the newest
// release tag `v*`, else the merge-base with main), classified, with its file:line; exits 1 when the
// gate fails (a breaking change without a new major info.version or an x-breaking-allowed). The
// classifier is src/diff/; `npm run diff` runs this file compiled (scripts/run-compiled.js).
import { compareWithBase } from '../src/diff/compare.ts';
import { formatChange } from '../src/diff/gate.ts';
import { root } from './root.ts';

const [ref] = process.argv.slice(2).filter(arg => !arg.startsWith('-'));
try {
  const result = await compareWithBase(root, ref);
  const base = /^[0-9a-f]{40}$/.test(result.ref) ? result.ref.slice(0, 12) : result.ref;
  console.log(
    `openapi/ against ${base}: ${result.changes.length} change(s), ${result.changes.filter(c => c.breaks).length} breaking`,
  );
  for (const c of result.changes) console.log(`  ${formatChange(c)}`);
  console.log(result.gate.summary);
  if (!result.gate.ok) process.exit(1);
} catch (err) {
  // A spec that does not bundle, a base that does not exist, a missing catalogue fact: one line each.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
