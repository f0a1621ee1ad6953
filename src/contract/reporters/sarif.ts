// A Verdict as SARIF 2.1.0, for code-scanning views: one rule per kind of violation, one result per
// finding, located in the contract (the bundled openapi.json, at the operation, with its JSON pointer).
import { contractLocator, type ContractLocation } from './contract-location.ts';
import { kindDescription, type FindingKind } from '../violation-kind.ts';
import type { Finding, Verdict, VerdictCase } from './verdict.ts';

/** `missing header X-Request-Id` → `missing-header-x-request-id`: a rule id that stays put. */
export const ruleId = (kind: FindingKind) =>
  kind
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function result(c: VerdictCase, f: Finding, ruleIndex: number, at: ContractLocation) {
  const call = c.method ? `${c.method} ${c.path}` : c.name;
  const answer = c.status === undefined ? 'no answer' : `${c.status}${c.requestId ? `, ${c.requestId}` : ''}`;
  return {
    ruleId: ruleId(f.kind),
    ruleIndex,
    level: 'error',
    message: { text: `${c.name}: ${call} → ${answer}: ${f.where}: ${f.message}` },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: at.uri }, region: { startLine: at.line } },
        logicalLocations: [
          { name: c.operation ?? 'outside the contract', fullyQualifiedName: at.pointer, kind: 'member' },
        ],
      },
    ],
    properties: { case: c.name, where: f.where, ...(c.requestId ? { requestId: c.requestId } : {}) },
  };
}

export function sarifReport(verdict: Verdict, locate = contractLocator()): string {
  const kinds = [...new Set(verdict.cases.flatMap(c => c.findings.map(f => f.kind)))].sort();
  const rules = kinds.map(kind => ({
    id: ruleId(kind),
    name: kind,
    shortDescription: { text: kindDescription(kind) },
    defaultConfiguration: { level: 'error' },
  }));
  const results = verdict.cases.flatMap(c =>
    c.findings.map(f => result(c, f, kinds.indexOf(f.kind), locate(c.operation, c.status))),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: verdict.tool, rules } },
        results,
        properties: { target: verdict.target },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
