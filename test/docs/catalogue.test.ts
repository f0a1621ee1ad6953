// The catalogue markdown of the docs site, without a browser: built from generated/catalogue.ts and
// the bundle, with an entry and an example for every code, and loud when an example is missing.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsUrl, errorCatalogue, failureCatalogue } from '../../generated/catalogue.ts';
import {
  ERROR_SECTION,
  FAILURE_SECTION,
  anchorOf,
  docUrlsWithoutEntry,
  errorExamples,
  operationsByCode,
  renderErrorCatalogue,
  renderFailureCatalogue,
  withCatalogue,
} from '../../scripts/docs-catalogue.ts';
import { readContract } from '../../src/kernel/contract.ts';
import { at } from '../../src/kernel/pointer.ts';
import { withErrorLinks } from '../../scripts/docs-error-links.ts';
import { root } from '../../scripts/docs-site.ts';

const spec = JSON.parse(await readFile(join(root, 'generated/openapi.json'), 'utf8'));
const tables = { errorCatalogue, failureCatalogue };

describe('docs catalogue', () => {
  it('has one entry, with its anchor, per code of generated/catalogue.ts', () => {
    const markdown = renderErrorCatalogue(spec, errorCatalogue) + renderFailureCatalogue(spec, failureCatalogue);
    const anchors = [...markdown.matchAll(/^## (\S+) \{% #(\S+) %\}$/gm)].map((m) => [m[1], m[2]]);
    expect(anchors).toEqual([
      ...Object.entries(errorCatalogue).map(([code, e]) => [code, anchorOf(e.docUrl)]),
      ...Object.entries(failureCatalogue).map(([code, f]) => [code, anchorOf(f.docUrl)]),
    ]);
  });

  it('fails the build when a code has no example', () => {
    const copy = structuredClone(spec);
    for (const { name } of errorExamples(spec, 'quota_exceeded')) delete copy.components.examples[name];
    expect(() => renderErrorCatalogue(copy, errorCatalogue)).toThrow(/error code quota_exceeded has no example/);
  });

  it('names, for each code, the operations whose responses carry it', () => {
    const byCode = operationsByCode(spec);
    // Cross-check with the examples each operation's error responses show.
    for (const { method, path, responses } of readContract(spec).operations) {
      for (const { status, examples } of responses.filter((r) => r.status >= 400)) {
        for (const value of Object.values<any>(examples)) {
          const labels = byCode.get(value.error.code)?.map((o) => o.label);
          expect(labels, `${method} ${path} ${status}: ${value.error.code}`).toContain(`${method} ${path}`);
        }
      }
    }
    expect(byCode.get('quota_exceeded')).toEqual([
      { label: 'POST /v2/images/generations', href: '#/images/generateimage' },
      { label: 'POST /v2/videos/generations', href: '#/videos/createvideogeneration' },
    ]);
  });

  it('every doc_url in the bundle is the catalogue URL of its code', () => {
    const urls = [...JSON.stringify(spec).matchAll(/"doc_url":"([^"]+)","request_id":"[^"]+"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(Object.keys(errorCatalogue).length);
    const known = new Set(Object.values(errorCatalogue).map((e) => e.docUrl));
    for (const url of urls) expect(known, url).toContain(url);
    for (const ex of Object.values<any>(spec.components.examples)) {
      const error = ex.value?.error;
      if (error?.doc_url) expect(error.doc_url).toBe(errorCatalogue[error.code as keyof typeof errorCatalogue].docUrl);
    }
    // The example in description.md too.
    for (const [, url] of String(spec.info.description).matchAll(/"doc_url": "([^"]+)"/g)) expect(known).toContain(url);
  });

  it('adds the catalogues as trait tags (a page each, searchable by entry) to a copy of the bundle', () => {
    const before = JSON.stringify(spec);
    const copy = withCatalogue(spec, tables);
    expect(JSON.stringify(spec)).toBe(before);
    const added = copy.tags.slice(spec.tags.length);
    expect(added.map((t: any) => [t.name, t['x-traitTag']])).toEqual([
      [ERROR_SECTION, true],
      [FAILURE_SECTION, true],
    ]);
    expect(added[0].description).toBe(renderErrorCatalogue(spec, errorCatalogue));
    expect(added[1].description).toBe(renderFailureCatalogue(spec, failureCatalogue));
  });

  it("links each error response to its codes' entries, on a copy of the bundle", () => {
    const copy = withErrorLinks(spec, tables);
    for (const { method, path, responses } of readContract(copy).operations) {
      for (const r of responses.filter((r) => r.status >= 400)) {
        const description = String(at(copy, r.pointer + '/description'));
        for (const code of r.errorCodes) {
          const anchor = anchorOf(errorCatalogue[code as keyof typeof errorCatalogue].docUrl);
          expect(description, `${method} ${path} ${r.status}`).toContain(`[\`${code}\`](#${anchor})`);
        }
      }
    }
    expect(JSON.stringify(spec)).not.toContain('**Error codes:**');
  });

  it('finds every doc_url an entry of the catalogue pages, and names one that has none', () => {
    const docs = withCatalogue(spec, tables);
    expect(docUrlsWithoutEntry(docs, tables, docsUrl)).toEqual([]);
    docs.tags.at(-2).description = docs.tags.at(-2).description.replace('{% #error-quota_exceeded %}', '');
    expect(docUrlsWithoutEntry(docs, tables, docsUrl)).toEqual([errorCatalogue.quota_exceeded.docUrl]);
    expect(docUrlsWithoutEntry(docs, tables, 'https://elsewhere.test/')).toHaveLength(
      Object.keys(errorCatalogue).length + Object.keys(failureCatalogue).length,
    );
  });

  it("links each entry's \"Returned by\" to the operations' pages", () => {
    expect(renderErrorCatalogue(spec, errorCatalogue)).toContain(
      '**Returned by:** [`POST /v2/images/generations`](#/images/generateimage), [`POST /v2/videos/generations`](#/videos/createvideogeneration)\n',
    );
  });
});
