// A Verdict as JUnit XML, for a CI's test view: one testsuite, one testcase per case (a scenario, a
// workflow, an exchange), a failure per failing case listing its violations, a skipped one for each
// case left out.
import { plural } from '../../kernel/plural.ts';
import { failedCases, type Verdict, type VerdictCase } from './verdict.ts';

// XML 1.0 allows neither these characters nor escapes for them: a server's bytes may hold any.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
const xml = (text: string) => text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, c => ESCAPES[c]!);

function testcase(c: VerdictCase): string {
  const open = `    <testcase classname="${xml(c.operation ?? 'contract')}" name="${xml(c.name)}"`;
  if (c.skipped !== undefined)
    return `${open}>\n      <skipped message="${xml(c.skipped)}"/>\n    </testcase>`;
  if (c.findings.length === 0) return `${open}/>`;
  const answer = c.status === undefined ? 'no answer' : `${c.status}${c.requestId ? `, ${c.requestId}` : ''}`;
  const head = `${c.method ?? ''} ${c.path ?? ''} → ${answer}`.trim();
  const lines = c.findings.map(f => `${f.where}: ${f.message}`);
  const message = `${plural(c.findings.length, 'violation')}: ${lines[0]}`;
  return [
    `${open}>`,
    `      <failure type="${xml(c.findings[0]!.kind)}" message="${xml(message)}">${xml([head, ...lines].join('\n'))}</failure>`,
    `    </testcase>`,
  ].join('\n');
}

export function junitReport(verdict: Verdict): string {
  const counts =
    `tests="${verdict.cases.length}" failures="${failedCases(verdict).length}" errors="0" ` +
    `skipped="${verdict.cases.filter(c => c.skipped !== undefined).length}"`;
  const name = xml(`${verdict.tool} ${verdict.target}`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(verdict.tool)}" ${counts}>`,
    `  <testsuite name="${name}" ${counts}>`,
    ...verdict.cases.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
