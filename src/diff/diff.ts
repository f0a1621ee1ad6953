// The diff of two versions of the contract: every change, classified, located in openapi/ and
// matched against the `x-breaking-allowed` exceptions recorded in the spec.
import { at, pointerTo } from '../kernel/pointer.ts';
import {
  findOperation,
  operationPointer,
  readContract,
  type Contract,
  type Spec,
} from '../kernel/contract.ts';
import { compareCatalogues } from './catalogue.ts';
import type { Change } from './change.ts';
import { locate, sourcesOf, type Sources } from './locate.ts';
import { compareOperations } from './operations.ts';
import { compareServers } from './relations.ts';
import type { Walk } from './walk.ts';

export interface Version {
  spec: Spec;
  /** The tree whose openapi/ the spec was bundled from, to report file:line. */
  dir: string;
}

const SECTIONS = ['breaking', 'added', 'changed', 'deprecated'];

/** Each spec read once as operations: a table of edits diffs many heads against one base. */
const contracts = new WeakMap<Spec, Contract>();
const contractOf = (spec: Spec) => contracts.get(spec) ?? contracts.set(spec, readContract(spec)).get(spec)!;

/** Every change from `base` to `head`, breaking first, each with its file:line and any exception. */
export function diffContracts(base: Version, head: Version): Change[] {
  const walk: Walk = {
    base: base.spec,
    head: head.spec,
    contracts: { base: contractOf(base.spec), head: contractOf(head.spec) },
    out: [],
    seen: new Set(),
  };
  compareCatalogues(walk);
  compareOperations(walk);
  compareServers(walk);
  const sources = { base: sourcesOf(base.dir), head: sourcesOf(head.dir) };
  return merge(withoutEchoes(walk.out))
    .map(c => ({ ...c, where: whereOf(c, sources), ...allowance(c, base.spec, head.spec) }))
    .sort(
      (a, b) =>
        SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section) ||
        a.where!.localeCompare(b.where!, 'en', { numeric: true }),
    );
}

/** The component a pointer is in: `#/components/schemas/RateLimitError`. */
const componentOf = (pointer: string) => pointer.split('/').slice(0, 4).join('/');

/**
 * A catalogue change (a code's type or retryable changed) also changes a `const` of its schema:
 * the catalogue rule says it once, for the code.
 */
function withoutEchoes(changes: Change[]): Change[] {
  const catalogued = new Set(
    changes.filter(c => /^(error|failure)-code-/.test(c.rule)).map(c => componentOf(c.pointer)),
  );
  return changes.filter(c => c.rule !== 'const-changed' || !catalogued.has(componentOf(c.pointer)));
}

/** One change per rule and node: a shared schema reached from several operations is listed once, for all of them. */
function merge(changes: Change[]): Change[] {
  const byKey = new Map<string, Change>();
  for (const c of changes) {
    const key = `${c.rule} ${c.side} ${c.pointer}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...c });
    else {
      seen.operations = [...new Set([...seen.operations, ...c.operations])];
      seen.codes = [...new Set([...seen.codes, ...c.codes])];
    }
  }
  return [...byKey.values()];
}

/** Where the change is written: in the head's openapi/, or in the base's for something removed. */
function whereOf(c: Change, sources: { base: Sources; head: Sources }): string {
  const at = locate(sources[c.side], c.pointer);
  return c.side === 'base' ? `${at} (removed; as in the base)` : at;
}

/**
 * A breaking change is allowed by an `x-breaking-allowed: <reason>` on its node or an ancestor (not
 * the document root) in the head, that the base did not have: an exception is used once, by the
 * release that introduces it, and cannot silently cover later changes. A node that was removed, or
 * that lives in components, is covered by an exception on every operation it concerns too.
 */
function allowance(c: Change, base: Spec, head: Spec): { allowed?: string } {
  if (!c.breaks) return {};
  const tokens = c.pointer.replace(/^#\/?/, '').split('/');
  const ancestors = tokens.map((_, i) => '#/' + tokens.slice(0, tokens.length - i).join('/'));
  const found = exception(ancestors, base, head);
  if (found !== undefined) return found;
  const operations = c.operations.map(id => findOperation(contractOf(head), id));
  const pointers = operations.map(op => op && operationPointer(op));
  const reasons = pointers.map(pointer => (pointer ? exception([pointer], base, head) : undefined));
  // Every operation the change concerns must carry the exception, or it is not allowed.
  return reasons.length > 0 && reasons.every(r => r?.allowed) ? reasons[0]! : {};
}

/** The first `x-breaking-allowed` along `pointers` in the head: allowed when the base lacks it. */
function exception(pointers: string[], base: Spec, head: Spec): { allowed?: string } | undefined {
  for (const pointer of pointers) {
    const reason = (at(head, pointer) as Record<string, unknown> | undefined)?.['x-breaking-allowed'];
    if (typeof reason !== 'string' || !reason.trim()) continue;
    const before = (at(base, pointer) as Record<string, unknown> | undefined)?.['x-breaking-allowed'];
    return before === reason ? {} : { allowed: reason };
  }
  return undefined;
}
