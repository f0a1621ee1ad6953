// The mock guide's (docs/mock.md) "how to trigger each response" table, generated from the contract so that it cannot
// drift: one row per status and set of operations, with the named examples they share.
import { type Contract } from '../kernel/index.ts';

export const TABLE_START = '<!-- mock-scenarios:start (generated: npx tsx scripts/write-docs.ts) -->';
export const TABLE_END = '<!-- mock-scenarios:end -->';

export function scenarioTable(contract: Contract): string {
  // status → example → operations declaring it
  const byStatus = new Map<number, Map<string, string[]>>();
  for (const op of contract.operations) {
    for (const r of op.responses) {
      const examples = byStatus.get(r.status) ?? new Map<string, string[]>();
      for (const name of Object.keys(r.examples))
        examples.set(name, [...(examples.get(name) ?? []), op.operationId]);
      byStatus.set(r.status, examples);
    }
  }
  const all = contract.operations.length;
  const rows: string[] = [];
  for (const [status, examples] of [...byStatus.entries()].sort(([a], [b]) => a - b)) {
    const groups = new Map<string, string[]>();
    for (const [name, ops] of examples) {
      const key = ops.length === all ? 'all' : ops.join(', ');
      groups.set(key, [...(groups.get(key) ?? []), name]);
    }
    for (const [ops, names] of groups)
      rows.push(`| ${status} | ${names.map(n => `\`${n}\``).join(', ')} | ${ops} |`);
  }
  return [
    TABLE_START,
    '| status | `Prefer: code=<status>, example=<name>`, name one of | operations |',
    '|---|---|---|',
    ...rows,
    TABLE_END,
  ].join('\n');
}
