// Every row of edits.ts: the diff of the edited copy against openapi/ finds exactly the expected
// changes, each located in openapi/ at file:line.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bundleTree } from '../../src/bundle/bundle.ts';
import { diffContracts } from '../../src/diff/diff.ts';
import { rows } from '../../src/diff/fixtures/edits.ts';
import { repo, useScratch } from './workspace.ts';

const ctx = useScratch();

describe('the diff classifies each spec edit', () => {
  test('the table has at least 40 edits', () => expect(rows.length).toBeGreaterThanOrEqual(40));

  test.each(rows)('$name', async ({ edits, expect: expected, operations }) => {
    const { scratch, base } = ctx;
    await scratch.apply(edits);
    try {
      const changes = diffContracts(
        { spec: base, dir: repo },
        { spec: await bundleTree(scratch.dir), dir: scratch.dir },
      );
      const found = changes.map(c => `${c.rule} ${c.breaks ?? c.section}${c.allowed ? ' allowed' : ''}`);
      expect(found.sort()).toEqual([...expected].sort());
      if (operations) expect(changes.flatMap(c => c.operations).sort()).toEqual([...operations].sort());
      for (const c of changes) {
        expect(c.where).toMatch(/^openapi\/[\w./-]+\.yaml:\d+/);
        expect(
          existsSync(join(c.side === 'head' ? scratch.dir : repo, c.where!.split(':')[0]!)),
          c.where,
        ).toBe(true);
      }
    } finally {
      await scratch.restore();
    }
  });
});
