// The mock guide's table of Prefer triggers is generated from the contract; it must list every
// documented status with all its named examples, and the guide's copy (docs/mock.md, written by
// scripts/write-docs.ts) must match the generator.
import { loadContract } from '../../src/kernel/load.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioTable, TABLE_END, TABLE_START } from '../../src/mock/scenario-table.ts';

const contract = loadContract();
const table = scenarioTable(contract);
const guideText = readFileSync(new URL('../../docs/mock.md', import.meta.url), 'utf8');

describe('scenario table', () => {
  it('has a row per documented status naming each of its examples', () => {
    for (const op of contract.operations) {
      for (const r of op.responses) {
        for (const name of Object.keys(r.examples)) {
          const row = table
            .split('\n')
            .find(l => l.startsWith(`| ${r.status} |`) && l.includes(`\`${name}\``));
          expect(row, `row for ${r.status} ${name}`).toBeDefined();
          expect(
            row!.endsWith('| all |') ||
              row!
                .split('|')[3]!
                .split(',')
                .map(s => s.trim())
                .includes(op.operationId),
            `${op.operationId} in ${row}`,
          ).toBe(true);
        }
      }
    }
  });

  // docs/mock.md (**Any documented response**) carries the table between its markers; a guide that
  // lost them fails here rather than leaving its copy unchecked.
  it('matches the copy in docs/mock.md', () => {
    expect(guideText, 'docs/mock.md has the generated table markers').toContain(TABLE_START);
    expect(guideText).toContain(TABLE_END);
    const start = guideText.indexOf(TABLE_START);
    const end = guideText.indexOf(TABLE_END, start) + TABLE_END.length;
    expect(guideText.slice(start, end), 'stale: run npx tsx scripts/write-docs.ts').toBe(table);
  });
});
