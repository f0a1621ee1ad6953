// The public guides of docs/ as sections of the docs site, after the overview: each page is a
// top-level section at `#section/<slug of its title>`, its `##` headings subsections under it. A
// link from one guide to another becomes a link to its section; a link to any other file of the
// repository (a maintainers' page, BENCHMARKS.md) becomes a link to that file on GitHub.
import { readFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { REPOSITORY_URL, headingSlug } from '../src/kernel/links.ts';
import { root } from './root.ts';

/** The public guides, in the order the site shows them (maintainers' pages stay on GitHub). */
export const PUBLIC_GUIDES = [
  'client.md',
  'mock.md',
  'test-values.md',
  'proxy.md',
  'limits.md',
  'contract-tests.md',
  'ci.md',
  'generators.md',
];

export interface Guide {
  /** Path from the repository root, e.g. `docs/mock.md`. */
  path: string;
  title: string;
  /** Its `##` headings. */
  subsections: string[];
  markdown: string;
}

/** Markdown links `[text](target)` outside code: the target's span in `markdown`. */
const LINK = /\[[^\]]*\]\(([^)\s]+)\)/g;

/** `markdown` without fenced code blocks, so that code is never read as headings or links. */
export const prose = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, '');

export function parseGuide(path: string, markdown: string): Guide {
  const text = prose(markdown);
  const title = /^# (.+)$/m.exec(text)?.[1];
  if (!title) throw new Error(`${path} has no '# ' title: a guide is a section of the docs site`);
  return { path, title, subsections: [...text.matchAll(/^## (.+)$/gm)].map(m => m[1]!), markdown };
}

export async function readGuides(dir = root): Promise<Guide[]> {
  return Promise.all(
    PUBLIC_GUIDES.map(async name =>
      parseGuide(`docs/${name}`, await readFile(join(dir, 'docs', name), 'utf8')),
    ),
  );
}

/** The site anchor (`#section/...`) of a guide, or of one of its subsections by GitHub's slug. */
export function sectionAnchor(guide: Guide, fragment = ''): string | undefined {
  const base = `#section/${headingSlug(guide.title)}`;
  if (!fragment) return base;
  const sub = guide.subsections.find(s => headingSlug(s) === fragment);
  return sub && `${base}/${headingSlug(sub)}`;
}

/** Where a relative link of `from` points on the site: a guide's section, or the file on GitHub. */
export function siteTarget(from: string, target: string, guides: Guide[]): string {
  if (/^[a-z]+:|^#/.test(target)) return target; // absolute, or within the same page
  const [file, fragment = ''] = target.split('#') as [string, string?];
  const path = posix.normalize(posix.join(dirname(from), file));
  const guide = guides.find(g => g.path === path);
  const anchor = guide && sectionAnchor(guide, fragment);
  if (guide && !anchor)
    throw new Error(`${from}: link ${target}: ${path} has no '## ' heading '${fragment}'`);
  return anchor ?? `${REPOSITORY_URL}/blob/main/${path}${fragment ? `#${fragment}` : ''}`;
}

/** A guide's markdown as the site shows it: links rewritten, code untouched. */
function forSite(guide: Guide, guides: Guide[]): string {
  return guide.markdown
    .split(/(^```[\s\S]*?^```)/m)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(LINK, (link, target: string) =>
            link.replace(`(${target})`, `(${siteTarget(guide.path, target, guides)})`),
          ),
    )
    .join('')
    .trim();
}

/** A copy of the bundle whose info.description ends with the guides; the bundle itself is untouched. */
export function withGuides(spec: Record<string, any>, guides: Guide[]): Record<string, any> {
  const copy = structuredClone(spec);
  copy.info.description = [
    String(copy.info.description ?? '').trimEnd(),
    ...guides.map(g => forSite(g, guides)),
  ].join('\n\n');
  return copy;
}

/** Every section anchor the guides need (their titles, subsections and links), missing from the built page. */
export function missingAnchors(html: string, guides: Guide[]): string[] {
  const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map(m => `#${m[1]}`));
  const needed = guides.flatMap(g => [
    sectionAnchor(g)!,
    ...g.subsections.map(s => sectionAnchor(g, headingSlug(s))!),
    ...[...forSite(g, guides).matchAll(LINK)].map(m => m[1]!).filter(t => t.startsWith('#section/')),
  ]);
  return [...new Set(needed)].filter(anchor => !ids.has(anchor));
}
