// The evaluation behind src/diff: the table of spec edits (src/diff/fixtures/edits.ts) run through
// `redocly diff` (diff-recommended) and api-smart-diff (the npm engine that diffs OpenAPI 3.1
// offline), each row's verdict against our classifier's on the same two bundles. Counted per row:
// does it break clients (ours: a change that breaks clients or both; redocly: a `major` bump), is it
// breaking at all (ours: for anyone, unless allowed; api-smart-diff: a `breaking` diff), and the
// gate's verdict (ours: src/diff/gate.ts; the others: breaking without a new major info.version, as
// `--fail-on major`). decisions/own-diff-classifier.md cites the counts.
// Run: npx tsx bench/diff-engine.ts (BENCH_TINY=1 for a check that it works).
import { apiCompare } from 'api-smart-diff';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleTree } from '../src/bundle/bundle.ts';
import { diffContracts } from '../src/diff/diff.ts';
import { rows } from '../src/diff/fixtures/edits.ts';
import { scratchContract } from '../src/diff/fixtures/scratch.ts';
import { gate } from '../src/diff/gate.ts';
import type { Spec } from '../src/kernel/contract.ts';
import { redoclyDiff, type Impact } from './redocly-diff.ts';
import { benchSettings, repoRoot, versionOf, writeSection } from './results.ts';

interface Verdict {
  clients: boolean;
  /** Breaks anyone (clients, servers or both) without an exception that allows it. */
  breaking: boolean;
  gateFails: boolean;
  /** For the notes: what it said. */
  said: string;
}

const table = benchSettings(rows, rows.slice(0, 3));
const major = (spec: Spec) => Number(String((spec.info as { version?: string }).version).split('.')[0]);

const base = await bundleTree(repoRoot);
const scratch = await scratchContract(repoRoot);
const redocly = await redoclyDiff();
const baseFile = join(scratch.dir, 'base.json');
const headFile = join(scratch.dir, 'head.json');
await writeFile(baseFile, JSON.stringify(base));
const agree = { redocly: { clients: 0, gate: 0 }, smart: { breaking: 0, gate: 0 } };
const notes: string[] = [];
let smartMs = 0;
let oursMs = 0;
try {
  for (const row of table) {
    await scratch.apply(row.edits);
    const head = await bundleTree(scratch.dir).finally(() => scratch.restore());
    let start = performance.now();
    const changes = diffContracts({ spec: base, dir: repoRoot }, { spec: head, dir: scratch.dir });
    const ours: Verdict = {
      clients: changes.some(c => c.breaks === 'clients' || c.breaks === 'both'),
      breaking: changes.some(c => c.breaks && !c.allowed),
      gateFails: !gate(changes, base, head).ok,
      said:
        changes.map(c => `${c.rule} ${c.breaks ?? c.section}${c.allowed ? ' (allowed)' : ''}`).join(', ') ||
        'nothing',
    };
    oursMs += performance.now() - start;
    await writeFile(headFile, JSON.stringify(head));
    const report = await redocly.run(baseFile, headFile);
    const impacts = (impact: Impact) => report.changes.filter(c => c.impact === impact).length;
    const theirs: Verdict = {
      clients: report.bump === 'major',
      breaking: report.bump === 'major',
      gateFails: report.bump === 'major' && major(head) <= major(base),
      said: `${report.bump} (${(['major', 'minor', 'patch'] as const).map(i => `${impacts(i)} ${i}`).join(', ')})`,
    };
    start = performance.now();
    const { diffs } = apiCompare(structuredClone(base), structuredClone(head)); // it rewrites its inputs
    smartMs += performance.now() - start;
    const smart = diffs.some(d => d.type === 'breaking');
    const smartGate = smart && major(head) <= major(base);
    agree.redocly.clients += Number(theirs.clients === ours.clients);
    agree.redocly.gate += Number(theirs.gateFails === ours.gateFails);
    agree.smart.breaking += Number(smart === ours.breaking);
    agree.smart.gate += Number(smartGate === ours.gateFails);
    if (theirs.clients !== ours.clients || theirs.gateFails !== ours.gateFails)
      notes.push(`${row.name}: ours ${ours.said}; \`redocly diff\` ${theirs.said}`);
    if (smart !== ours.breaking)
      notes.push(`${row.name}: ours ${ours.said}; api-smart-diff ${smart ? 'breaking' : 'not breaking'}`);
  }
} finally {
  await scratch.remove();
  await redocly.remove();
}

const n = table.length;
const counted = (name: string, value: number) => ({
  name,
  value,
  unit: `of ${n} rows`,
  ratio: value / n,
});
await writeSection({
  id: '75-diff-engines',
  title: 'Our diff classifier against `redocly diff` and api-smart-diff, on the table of edits',
  method: `Each row of the table of edits (src/diff/fixtures/edits.ts, ${n} rows) applied to a copy of openapi/, bundled, and classified by each engine against the bundle of openapi/. A row agrees when the engine says what ours says: whether the change breaks clients (\`redocly diff\`: a \`major\` bump), whether it is breaking at all (api-smart-diff: a \`breaking\` diff; ours: for clients, servers or both, unless an exception allows it), and whether the gate fails (a breaking change without a new major info.version; \`x-breaking-allowed\` counts only for ours, the others cannot read it). The notes list every row on which \`redocly diff\` or api-smart-diff disagrees.`,
  command: 'npx tsx bench/diff-engine.ts',
  figures: [
    counted('`redocly diff` agrees: breaks clients', agree.redocly.clients),
    counted("`redocly diff` agrees: the gate's verdict", agree.redocly.gate),
    counted('api-smart-diff agrees: breaking or not (it has no clients and servers)', agree.smart.breaking),
    counted("api-smart-diff agrees: the gate's verdict", agree.smart.gate),
    { name: 'api-smart-diff, per comparison', value: smartMs / n, unit: 'ms' },
    { name: 'src/diff, per comparison (with file:line)', value: oursMs / n, unit: 'ms' },
  ],
  tools: {
    '@redocly/cli': await versionOf('@redocly/cli'),
    'api-smart-diff': await versionOf('api-smart-diff'),
  },
  notes,
});
console.log(
  `of ${n} rows, redocly diff agrees on ${agree.redocly.clients} (breaks clients) and ${agree.redocly.gate} (gate); api-smart-diff on ${agree.smart.breaking} and ${agree.smart.gate}`,
);
console.log(notes.join('\n'));
