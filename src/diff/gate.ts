// The release gate: breaking changes need a new major `info.version`, or an exception in the spec.
import type { Change } from './change.ts';
import type { Spec } from '../kernel/contract.ts';

export interface GateResult {
  ok: boolean;
  /** Breaking changes no exception covers. */
  blocking: Change[];
  /** One line: ok, or how many breaking changes block and what to do. */
  summary: string;
  /** The summary, then each blocking change with its file:line. */
  report: string;
}

const major = (spec: Spec) =>
  Number(String((spec.info as Record<string, unknown> | undefined)?.version ?? '').split('.')[0]);

/** `breaking (clients) openapi/x.yaml:12: field \`currency\` removed ... [getBalance]` */
export const formatChange = (c: Change) =>
  `${c.section}${c.breaks ? ` (${c.breaks})` : ''} ${c.where}: ${c.message}${c.operations.length ? ` [${c.operations.join(', ')}]` : ''}${c.allowed ? ` (allowed: ${c.allowed})` : ''}`;

/** Passes when every breaking change is allowed, or the major version went up. */
export function gate(changes: Change[], base: Spec, head: Spec): GateResult {
  const blocking = changes.filter(c => c.breaks && !c.allowed);
  const bumped = major(head) > major(base);
  const ok = blocking.length === 0 || bumped;
  const versions = `info.version ${(base.info as any)?.version} → ${(head.info as any)?.version}`;
  const summary = ok
    ? `gate: ok (${blocking.length} breaking change(s), ${versions}${bumped ? ', a new major version' : ''})`
    : `gate: ${blocking.length} breaking change(s) without a new major version (${versions}). Raise info.version's major, or record a deliberate exception as \`x-breaking-allowed: <reason>\` next to the change.`;
  return {
    ok,
    blocking,
    summary,
    report: ok ? summary : `${summary}\n  ${blocking.map(formatChange).join('\n  ')}`,
  };
}
