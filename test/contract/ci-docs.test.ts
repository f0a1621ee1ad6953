// docs/ci.md stays true: every command it shows parses under the CLI it names, every flag it
// mentions is one of a usage text, and the reports the job uploads are the files its commands write.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseTestArgs, testUsage } from '../../src/contract/test-cli.ts';
import { checkUsage, parseCheckArgs } from '../../src/proxy/har-check-cli.ts';
import { parseProxyArgs, proxyUsage } from '../../src/proxy/cli.ts';

const page = readFileSync(new URL('../../docs/ci.md', import.meta.url), 'utf8');
const blocks = [...page.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(m => ({ lang: m[1]!, text: m[2]! }));
const job = parse(blocks.find(b => b.lang === 'yaml')!.text);
const env: Record<string, string> = job.jobs.contract.env;

/** The arguments of every `mediagen-contract <command>` in the code blocks, the job's variables filled in. */
function shown(command: string): string[][] {
  const pattern = new RegExp(`mediagen-contract ${command} ([^\\n&|]+)`, 'g');
  return blocks.flatMap(b =>
    [...b.text.matchAll(pattern)].map(m =>
      m[1]!
        .trim()
        .split(/\s+/)
        .map(arg => arg.replace(/^"\$(\w+)"$/, (_, name: string) => env[name] ?? `unset ${name}`)),
    ),
  );
}

describe('docs/ci.md', () => {
  it('shows commands that each CLI accepts', () => {
    const tests = shown('test');
    const checks = shown('check');
    const proxies = shown('proxy');
    expect([tests.length, checks.length, proxies.length]).toEqual([1, 1, 2]);
    for (const args of tests)
      expect(parseTestArgs(['test', ...args], { MEDIAGEN_API_KEY: 'k' })).not.toBe('help');
    for (const args of checks) expect(parseCheckArgs(args)).not.toBe('help');
    for (const args of proxies) expect(parseProxyArgs(args, {})).not.toBe('help');
  });

  it('mentions only flags the CLI has', () => {
    const usage = [testUsage, checkUsage, proxyUsage].join('\n');
    // The respect step's flags are redocly's own; every other flag on the page is ours.
    const ours = page.replace(/npx @redocly\/cli respect[^\n]*(\n {10}--[^\n]*)*/g, '');
    const flags = [...new Set(ours.match(/(?<![\w-])--[a-z][a-z-]+/g))];
    expect(flags.length).toBeGreaterThanOrEqual(8);
    for (const flag of flags) expect(usage, flag).toMatch(new RegExp(`^\\s+${flag}\\b`, 'm'));
  });

  it('uploads the JUnit and the SARIF the commands write', () => {
    const steps: { uses?: string; with?: Record<string, string> }[] = job.jobs.contract.steps;
    const written = [...shown('test'), ...shown('check'), ...shown('proxy')].flatMap(args =>
      args.flatMap((arg, i) => (arg === '--output' || arg === '--report' ? [args[i + 1]] : [])),
    );
    const junit = steps.find(s => s.uses?.startsWith('mikepenz/action-junit-report@'))!;
    const sarif = steps.find(s => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(written).toContain(junit.with!.report_paths);
    expect(written).toContain(sarif.with!.sarif_file);
  });
});

describe('docs/ci.md, the respect step', () => {
  it('runs the shipped workflows and leaves out exactly those that need the mock', () => {
    const file = JSON.parse(
      readFileSync(new URL('../../generated/workflows.arazzo.json', import.meta.url), 'utf8'),
    );
    const mockOnly = file.workflows
      .filter((w: { 'x-mediagen-needs'?: string[] }) => w['x-mediagen-needs']?.includes('mock'))
      .map((w: { workflowId: string }) => w.workflowId)
      .sort();
    const step = job.jobs.contract.steps.find((s: { run?: string }) =>
      s.run?.includes('redocly/cli respect'),
    );
    expect(step.run).toContain('node_modules/@mediagen/contract/workflows.arazzo.yaml');
    const skipped = [...step.run.matchAll(/--skip ([\w-]+)/g)].map(m => m[1]).sort();
    expect(skipped).toEqual(mockOnly);
  });
});
