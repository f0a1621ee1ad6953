// The contract suite against a real server: MEDIAGEN_CONTRACT_BASE_URL and MEDIAGEN_CONTRACT_API_KEY
// (MEDIAGEN_CONTRACT_BILLABLE=1 to also start generations). Prefer scenarios are skipped: a real
// server cannot be forced into a state. Prints the report, fails on any violation.
import { describe, expect, it } from 'vitest';
import { formatReport, runContractSuite } from '../../src/contract/index.ts';

const baseUrl = process.env.MEDIAGEN_CONTRACT_BASE_URL;
const apiKey = process.env.MEDIAGEN_CONTRACT_API_KEY ?? '';

describe.skipIf(!baseUrl)('contract suite against MEDIAGEN_CONTRACT_BASE_URL', () => {
  it('finds no violation', async () => {
    const report = await runContractSuite({
      baseUrl: baseUrl!,
      apiKey,
      forced: false,
      billable: process.env.MEDIAGEN_CONTRACT_BILLABLE === '1',
    });
    console.log(formatReport(report));
    expect(
      report.results.flatMap(r => r.violations.map(v => `${r.scenario.name}: ${v.where}: ${v.message}`)),
    ).toEqual([]);
  }, 60_000);
});
