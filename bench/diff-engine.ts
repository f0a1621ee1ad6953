// `npx tsx bench/diff-engine.ts`: the evaluation behind scripts/diff. Runs the table of spec edits
// (test/diff/edits.ts) through api-smart-diff, the npm diff engine that handles OpenAPI 3.1
// offline, and prints where its verdict (breaking or not) differs from the table's, and its speed.
import { apiCompare } from 'api-smart-diff';
import { bundleTree } from '../src/bundle/bundle.ts';
import { diffContracts } from '../src/diff/diff.ts';
import { rows } from '../src/diff/fixtures/edits.ts';
import { scratchContract } from '../src/diff/fixtures/scratch.ts';
import { repoRoot as repo } from './results.ts';

const base = await bundleTree(repo);
const scratch = await scratchContract(repo);
let wrong = 0;
let millis = 0;
let ours = 0;
try {
  for (const row of rows) {
    await scratch.apply(row.edits);
    const head = await bundleTree(scratch.dir);
    const start = performance.now();
    const { diffs } = apiCompare(structuredClone(base), structuredClone(head)); // it rewrites its inputs
    millis += performance.now() - start;
    const mine = performance.now();
    diffContracts({ spec: base, dir: repo }, { spec: head, dir: scratch.dir });
    ours += performance.now() - mine;
    await scratch.restore();
    const expected = row.expect.some(e => / (clients|servers|both)$/.test(e)) ? 'breaking' : 'not breaking';
    const found = diffs.some(d => d.type === 'breaking') ? 'breaking' : 'not breaking';
    const kinds = [...new Set(diffs.map(d => d.type))].join(', ') || 'no change';
    if (expected !== found) wrong++;
    console.log(
      `${expected === found ? 'same' : 'DIFFERS'}  ${row.name}: table ${expected} (${row.expect.join(', ') || 'nothing'}); api-smart-diff ${found} (${kinds})`,
    );
  }
} finally {
  await scratch.remove();
}
console.log(
  `\napi-smart-diff disagrees on ${wrong} of ${rows.length} rows; ${(millis / rows.length).toFixed(0)} ms per comparison (scripts/diff: ${(ours / rows.length).toFixed(0)} ms)`,
);
