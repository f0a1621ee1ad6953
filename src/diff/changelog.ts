// CHANGELOG.md sections from the diff: breaking, added, changed, deprecated; each change under the
// error codes or operations it concerns, linked to their entries in the docs.
import type { Spec } from '../kernel/contract.ts';
import { extractCatalogue } from '../catalogue/extract.ts';
import type { Change, Section } from './change.ts';

const TITLES: Record<Section, string> = {
  breaking: 'Breaking',
  added: 'Added',
  changed: 'Changed',
  deprecated: 'Deprecated',
};

/** Docs links: `#error-<code>` / `#failure-<code>` from the catalogue; `#/<tag>/<operationid>`, lower case, the route Redoc gives an operation (test/docs/site.e2e.test.ts). */
function linksOf(spec: Spec): Map<string, string> {
  const catalogue = extractCatalogue(spec);
  const links = new Map<string, string>();
  for (const entry of [...catalogue.errors, ...catalogue.failures])
    links.set(`code ${entry.code}`, entry.docUrl);
  const items = [
    ...Object.values((spec.paths ?? {}) as Record<string, any>),
    ...Object.values((spec.webhooks ?? {}) as Record<string, any>),
  ];
  for (const item of items) {
    for (const op of Object.values(item ?? {}) as any[]) {
      if (op?.operationId && op.tags?.[0])
        links.set(
          `operation ${op.operationId}`,
          `${catalogue.docsUrl}#/${encodeURIComponent(op.tags[0].toLowerCase())}/${op.operationId.toLowerCase()}`,
        );
    }
  }
  return links;
}

/** What a change is listed under: its error or failure codes (and the operations that return them), else its operations. */
function subjectOf(c: Change, links: Map<string, string>): string {
  const link = (key: string, name: string) =>
    links.has(key) ? `[\`${name}\`](${links.get(key)})` : `\`${name}\``;
  const operations = c.operations.map(id => link(`operation ${id}`, id)).join(', ');
  if (c.codes.length)
    return (
      c.codes.map(code => link(`code ${code}`, code)).join(', ') + (operations ? ` (on ${operations})` : '')
    );
  return operations || 'contract';
}

export interface Release {
  version: string;
  date: string;
  /** The release compared with; none for the first release. */
  base?: string;
}

/** One release's section: `## 2.1.0 (2026-11-23)` then a list per non-empty section. */
export function renderRelease(changes: Change[], spec: Spec, release: Release): string {
  const parts = [`## ${release.version} (${release.date})`, ''];
  if (!release.base) return [...parts, 'First release of the contract.', ''].join('\n');
  const links = linksOf(spec);
  parts.push(`Compared with ${release.base}.`);
  if (!changes.length) parts.push('', 'No changes to the contract.');
  for (const section of Object.keys(TITLES) as Section[]) {
    const listed = changes.filter(c => c.section === section);
    if (!listed.length) continue;
    const bySubject = new Map<string, Change[]>();
    for (const c of listed)
      bySubject.set(subjectOf(c, links), [...(bySubject.get(subjectOf(c, links)) ?? []), c]);
    parts.push('', `### ${TITLES[section]}`, '');
    for (const [subject, items] of [...bySubject].sort(([a], [b]) => a.localeCompare(b))) {
      for (const c of items) {
        const note = c.breaks ? ` (breaks ${c.breaks}${c.allowed ? `; allowed: ${c.allowed}` : ''})` : '';
        parts.push(`- ${subject}: ${c.message}${note}`);
      }
    }
  }
  return parts.join('\n') + '\n';
}

/** The changelog with this release's section first (replacing an earlier section of the same version). */
export function withRelease(changelog: string, section: string, version: string): string {
  const header =
    '# Changelog\n\nChanges to the Mediagen API contract, generated from `openapi/` by `npm run changelog`.\n';
  const body = changelog.startsWith('# Changelog')
    ? changelog.slice(changelog.indexOf('\n## ') + 1 || changelog.length)
    : changelog;
  const sections = body
    .split(/^(?=## )/m)
    .filter(s => s.startsWith('## ') && !s.startsWith(`## ${version} (`));
  return [header, section, ...sections].join('\n').replace(/\n{3,}/g, '\n\n');
}
