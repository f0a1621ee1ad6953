// `npm run diff -- [base]`: every change of openapi/ since `base` (a git ref; default: the newest
// release tag `v*`, else the merge-base with main), classified, with its file:line; exits 1 when the
// gate fails (a breaking change without a new major info.version or an x-breaking-allowed).
import { SpecError } from './diff/bundle.ts';
import { compareWithBase } from './diff/compare.ts';
import { formatChange } from './diff/gate.ts';

const [ref] = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
try {
  const result = await compareWithBase(undefined, ref);
  console.log(`openapi/ against ${result.ref}: ${result.changes.length} change(s), ${result.changes.filter((c) => c.breaks).length} breaking`);
  for (const c of result.changes) console.log(`  ${formatChange(c)}`);
  console.log(result.gate.report.split('\n')[0]);
  if (!result.gate.ok) process.exit(1);
} catch (err) {
  console.error(err instanceof SpecError || (err as Error).message?.startsWith('components/') ? (err as Error).message : err);
  process.exit(1);
}
