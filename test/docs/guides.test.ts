// The README and the guides of docs/: a README that stays short, links that resolve (between pages,
// to headings, to files), code fences that close, no figure pasted into prose (figures live in
// BENCHMARKS.md and the packages check's output), the client's retry rule and the mock's webhook
// schedule as the catalogue and the code's defaults say them, and every public guide on the built
// docs site at its section, with the links between guides turned into links to those sections.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLIC_GUIDES, parseGuide, prose, readGuides, sectionAnchor, siteTarget } from '../../scripts/docs-guides.ts';
import { buildDocs, root } from '../../scripts/docs-site.ts';
import { packageReadme, pages as packagePages } from '../../scripts/packages/readme.ts';
import { packages } from '../../scripts/packages/table.ts';
import { docsUrl, retryableStatuses } from '../../generated/catalogue.ts';
import { defaultRetryPolicy } from '../../src/client/retry.ts';
import { loadSpec } from '../../src/kernel/load.ts';
import { contractRetryDelaysMs } from '../../src/mock/webhooks/schedule.ts';
import { DOCS_SITE_URL, GUIDE_TITLES, REPOSITORY_URL, guideUrl, headingSlug } from '../../src/kernel/links.ts';
import { usage as mockUsage } from '../../src/mock/cli-options.ts';
import { proxyUsage } from '../../src/proxy/cli.ts';

const README_BUDGET = 8192;
const markdownUnder = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap(name => {
    const path = posix.join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return markdownUnder(path);
    return name.endsWith('.md') ? [path] : [];
  });
const pages = ['README.md', ...markdownUnder('docs')];
const text = (path: string) => readFileSync(join(root, path), 'utf8');
const headings = (path: string) => [...prose(text(path)).matchAll(/^#{1,6} (.+)$/gm)].map(m => headingSlug(m[1]!));

describe('the README and the guides', () => {
  it(`keep the README within ${README_BUDGET} bytes`, () => {
    expect(Buffer.byteLength(text('README.md'))).toBeLessThanOrEqual(README_BUDGET);
  });

  it.each(pages)('%s: every relative link reaches a file, and its #fragment a heading', page => {
    for (const [, target] of prose(text(page)).matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [file, fragment] = target!.split('#') as [string, string?];
      const path = file ? posix.normalize(posix.join(dirname(page), file)) : page;
      expect(existsSync(join(root, path)), `${page}: link ${target}`).toBe(true);
      if (fragment && path.endsWith('.md')) expect(headings(path), `${page}: link ${target}`).toContain(fragment);
    }
  });

  it.each(pages)('%s: closes every code fence', page => {
    expect(text(page).match(/^```/gm)?.length ?? 0, page).toSatisfy((n: number) => n % 2 === 0);
  });

  it.each(pages)('%s: pastes no measured figure (sizes, package or scenario counts, speeds, ratios)', page => {
    const figure = /\d+(\.\d+)? ?(MB|KiB|kB)\b|\d+ packages|\d+\/\d+ scenarios|req\/s|checks\/s|\d+\.\d+×|~\d+ (s|min)\b/;
    expect(prose(text(page)).match(figure), page).toBeNull();
  });

  it('tell API customers to run npx mediagen-mock, not this repository’s npm start', () => {
    const testing = text('docs/test-values.md');
    expect(testing).toContain('npx mediagen-mock');
    expect(testing).not.toContain('npm start');
  });
});

describe('the client guide', () => {
  it('states the retry rule the catalogue classifies and the client applies by default', () => {
    const guide = text('docs/client.md').replace(/\s+/g, ' ');
    const { initialDelay, maxDelay, maxRetryWait } = defaultRetryPolicy;
    expect(guide).toContain(`Retries: ${retryableStatuses.join(', ')} and network failures`);
    expect(guide).toContain(`(${initialDelay / 1000} s doubling, ${maxDelay / 1000} s cap,`);
    expect(guide).toContain(`A call waits at most ${maxRetryWait / 1000} s in all`);
  });
});

describe('the mock guide', () => {
  it("states the webhook retry schedule the mock keeps by default", () => {
    const guide = text('docs/mock.md').replace(/\s+/g, ' ');
    const [HOUR, MINUTE] = [3_600_000, 60_000];
    const human = (ms: number) =>
      ms % HOUR === 0 ? `${ms / HOUR} h` : ms % MINUTE === 0 ? `${ms / MINUTE} min` : `${ms / 1000} s`;
    const delays = contractRetryDelaysMs(loadSpec());
    const waits = delays.slice(0, -1).map(human).join(', ');
    const last = delays.reduce((a, b) => a + b, 0);
    expect(guide).toContain(`(${waits}, and a last attempt ${human(last)} after the first)`);
  });
});

describe('the guides on the docs site', () => {
  it('turn a link to a guide into its section, and a link to another file into GitHub', async () => {
    const guides = await readGuides();
    expect(siteTarget('docs/mock.md', 'test-values.md', guides)).toBe('#section/testing-against-the-mock');
    expect(siteTarget('docs/README.md', 'mock.md#test-suites', guides)).toBe('#section/mock-server/test-suites');
    expect(siteTarget('docs/mock.md', '../BENCHMARKS.md#x', guides)).toBe(`${REPOSITORY_URL}/blob/main/BENCHMARKS.md#x`);
    expect(() => siteTarget('docs/proxy.md', 'mock.md#no-such-heading', guides)).toThrow(/no-such-heading/);
    expect(() => parseGuide('docs/x.md', 'no title')).toThrow(/docs\/x\.md has no '# ' title/);
  });

  it('are each a section of the built site, with their subsections, and their links land', async () => {
    const out = await mkdtemp(join(tmpdir(), 'mediagen-guides-'));
    try {
      const html = await readFile((await buildDocs(out)).file, 'utf8');
      const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map(m => m[1]));
      // Pages serves the site at the address every doc_url and --help link names.
      expect(await readFile(join(out, 'CNAME'), 'utf8')).toBe(`${new URL(DOCS_SITE_URL).hostname}\n`);
      const guides = await readGuides();
      expect(guides.map(g => g.path)).toEqual(PUBLIC_GUIDES.map(name => `docs/${name}`));
      for (const guide of guides) {
        const section = `section/${headingSlug(guide.title)}`;
        expect(ids, guide.path).toContain(section);
        for (const sub of guide.subsections) expect(ids, guide.path).toContain(`${section}/${headingSlug(sub)}`);
      }
      for (const [, anchor] of html.matchAll(/href="#(section\/[^"]+)"/g)) expect(ids, anchor).toContain(anchor);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe('links into the docs site', () => {
  it('name each guide by the title of its page', async () => {
    const titles = (await readGuides()).map(g => g.title);
    for (const title of Object.values(GUIDE_TITLES)) expect(titles).toContain(title);
    expect(DOCS_SITE_URL).toBe(docsUrl); // the contract's externalDocs: where doc_urls point
    expect(guideUrl('mock', 'Test suites')).toBe(`${DOCS_SITE_URL}#section/mock-server/test-suites`);
  });

  it('are in the --help of mediagen-mock and of mediagen-contract proxy', () => {
    expect(mockUsage).toContain(`Docs: ${DOCS_SITE_URL}#section/mock-server`);
    expect(proxyUsage).toContain(`Docs: ${DOCS_SITE_URL}#section/validating-proxy`);
  });
});

describe('the package pages', () => {
  it.each(packages.map(p => [p.name, p] as const))('%s: install line, example, every entry, docs links', async (_, spec) => {
    const page = packageReadme(spec);
    const dev = packagePages[spec.dir]!.dev ? '-D ' : '';
    expect(page).toContain(`npm install ${dev}${spec.name}\n`);
    expect(page).toContain('npm run pack:local');
    expect(page).toContain(`## Example\n\n\`\`\`js\n${packagePages[spec.dir]!.example}\n\`\`\``);
    for (const subpath of Object.keys(spec.exports))
      expect(page).toContain(`| \`${subpath === '.' ? spec.name : `${spec.name}/${subpath.slice(2)}`}\` |`);
    for (const bin of Object.keys(spec.bin ?? {})) expect(page).toContain(`| bin \`${bin}\` |`);
    const anchors = [...page.matchAll(/\]\(([^)#]+)(#[^)]+)\)/g)].filter(m => m[1] === DOCS_SITE_URL).map(m => m[2]);
    expect(anchors.length).toBeGreaterThan(0);
    const sections = (await readGuides()).flatMap(g => [
      sectionAnchor(g),
      ...g.subsections.map(s => sectionAnchor(g, headingSlug(s))),
    ]);
    for (const anchor of anchors) expect(sections).toContain(anchor);
  });

  it('refuse an entry the page does not describe', () => {
    const client = packages.find(p => p.dir === 'client')!;
    expect(() => packageReadme({ ...client, exports: { ...client.exports, './new': 'src/x.ts' } })).toThrow(
      /@mediagen\/client: entries without a line in scripts\/packages\/readme.ts: \.\/new/,
    );
  });
});
