// Composes BENCHMARKS.md from the sections the benches recorded (bench/results.ts), with the machine,
// the tool versions and the commands to reproduce. From the recorded data alone, so the committed
// report can be checked against bench/results.json on any machine.
// `npx tsx bench/report.ts [results file] [out file]`.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSections, repoRoot, type Figure, type Stored } from './results.ts';

/** 1234567.8 → `1,234,568`; small values keep two significant decimals. */
function formatNumber(value: number): string {
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 3 });
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

function figureRow(f: Figure): string {
  const value = `${formatNumber(f.value)} ${f.unit}`;
  const peer = f.peer ? `${cell(f.peer.name)}: ${formatNumber(f.peer.value)} ${f.unit}` : '';
  const ratio = f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}×`;
  const verdict = f.met === undefined ? '' : f.met ? 'met' : '**missed**';
  return `| ${cell(f.name)} | ${value} | ${peer} | ${ratio} | ${cell(f.target ?? '')} | ${verdict} |`;
}

/** `onMachine`: when the sections come from several machines, each names its own. */
function renderSection(s: Stored, onMachine: boolean): string {
  return [
    `## ${s.title}`,
    '',
    s.method,
    '',
    '| figure | value | compared with | ratio | target | this run |',
    '|---|---:|---|---:|---|---|',
    ...s.figures.map(figureRow),
    '',
    ...(s.notes ?? []).map(n => `- ${n}`),
    ...(s.notes?.length ? [''] : []),
    `Reproduce: \`${s.command}\`${s.tiny ? ' (this run: **tiny setting**, figures not meaningful)' : ''}; measured ${s.measuredAt}${onMachine ? ` on ${s.machine}` : ''}${s.commit ? ` at commit ${s.commit}` : ''}` +
      (s.loadAverage === undefined
        ? '.'
        : `, load average ${s.loadAverage.toFixed(1)} on ${s.cores} cores when it ended (the bench itself adds about 1; much more means other work shared the machine).`),
    '',
  ].join('\n');
}

export async function composeReport(file?: string): Promise<string> {
  const sections = await readSections(file);
  const machines = [...new Set(sections.map(s => s.machine))];
  const tools = Object.assign({}, ...sections.map(s => s.tools ?? {})) as Record<string, string>;
  return [
    '# Benchmarks',
    '',
    '<!-- Generated from bench/results.json by `npm run bench` (bench/run.ts, bench/report.ts). Do not edit: re-run it. -->',
    '',
    machines.length > 1
      ? `Machines: ${machines.join('; ')} (each section names its own).`
      : `Machine: ${machines[0] ?? 'none recorded'}.`,
    '',
    `Tools: ${
      Object.entries(tools)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, version]) => `${name} ${version}`)
        .join(', ') || 'none recorded'
    }.`,
    '',
    'Reproduce everything: `npm ci && npm run bench` on an idle machine (one bench: `npm run bench -- <name>`, which replaces its own section only; ' +
      'every bench on a tiny setting, as CI does: `npm run bench -- --tiny`). Ratios are ours ÷ the figure compared with, ' +
      'unless a section says otherwise; targets are reported, never asserted by `npm test`.',
    '',
    ...sections.map(s => renderSection(s, machines.length > 1)),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[3] ?? join(repoRoot, 'BENCHMARKS.md');
  await writeFile(out, await composeReport(process.argv[2]));
  console.log(`wrote ${out}`);
}
