// The README's table of Prefer triggers is generated from the contract; it must list every
// documented status with all its named examples, and the README's copy must match the generator.
import { loadContract } from '../../src/kernel/load.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioTable, TABLE_END, TABLE_START } from '../../src/mock/scenario-table.ts';

const contract = loadContract();
const table = scenarioTable(contract);
const readmeText = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

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

  // README.md ("The mock server", **Any documented response**) carries the table between its
  // markers; a README that lost them fails here rather than leaving its copy unchecked.
  it('matches the copy in README.md', () => {
    expect(readmeText, 'README.md has the generated table markers').toContain(TABLE_START);
    expect(readmeText).toContain(TABLE_END);
    const start = readmeText.indexOf(TABLE_START);
    const end = readmeText.indexOf(TABLE_END, start) + TABLE_END.length;
    expect(readmeText.slice(start, end)).toBe(table);
  });
});
