// The built docs site, in headless Chromium: it loads offline without console errors, shows every
// catalogue code with its facts and examples, every operation's error responses with their
// examples, and every doc_url lands on its entry.
import { loadDefaultFixtures } from '../../src/mock/fixtures.ts';
import { TESTING_SECTION } from '../../src/mock/test-value-table.ts';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsUrl, errorCatalogue, failureCatalogue } from '../../generated/catalogue.ts';
import { ERROR_SECTION, FAILURE_SECTION, anchorOf, errorExamples, failureExamples } from '../../scripts/docs-catalogue.ts';
import { type StaticServer, serveStatic } from '../../scripts/docs-server.ts';
import { buildDocs, root } from '../../scripts/docs-site.ts';
import { at, follow, pointerTo } from '../../src/kernel/pointer.ts';
import { readContract } from '../../src/kernel/contract.ts';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const INSTALL = 'apt-get update && apt-get install -y chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && !process.env.CI) {
  console.warn(`\n[test/docs] SKIPPED: the docs site tests need Debian's Chromium at ${CHROMIUM}. Install it: ${INSTALL}\n`);
}

const spec = JSON.parse(await readFile(join(root, 'generated/openapi.json'), 'utf8'));
/** A node, or what its `$ref` points at. */
const resolveRef = (node: any): any => (node?.$ref ? at(spec, follow(spec, node.$ref)) : node);
/** Every operation under `paths`, with the operation object as written. */
const operations = readContract(spec).operations.map(({ method, path }) => ({ method, path, op: at(spec, pointerTo('paths', path, method.toLowerCase())) as any }));
const errorCodes = Object.keys(errorCatalogue) as (keyof typeof errorCatalogue)[];
const failureCodes = Object.keys(failureCatalogue) as (keyof typeof failureCatalogue)[];
/** Markdown as the page shows it: inline code without its backticks. */
const shown = (markdown: string) => markdown.replace(/`/g, '');

describe.skipIf(!hasChromium && !process.env.CI)('docs site (headless Chromium)', { timeout: 120_000 }, () => {
  let outDir: string;
  let site: StaticServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = []; // console errors, page errors and requests that leave the local server

  /** The local address of a doc_url: the same path, query and #anchor relative to the site root. */
  const local = (docUrl: string) => site.url + docUrl.slice(docsUrl.length);

  /** Whether the element with this id is on screen, with its top inside the viewport. */
  const onScreen = (id: string) =>
    page.evaluate((id) => {
      const el = document.getElementById(id);
      if (!el) return false;
      const { top, height } = el.getBoundingClientRect();
      return height > 0 && top >= 0 && top < window.innerHeight;
    }, id);

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`${CHROMIUM} is missing and CI is set: the docs tests need Debian's Chromium (${INSTALL}).`);
    outDir = await mkdtemp(join(tmpdir(), 'mediagen-docs-test-'));
    await buildDocs(outDir);
    site = await serveStatic(outDir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (msg) => void (msg.type() === 'error' && problems.push(`console: ${msg.text()}`)));
    page.on('pageerror', (err) => void problems.push(`page error: ${err.message}`));
    // Offline like a reader behind a firewall: anything not served by the site fails, and is reported.
    await page.route(
      (url) => !url.href.startsWith(site.url),
      (route) => {
        problems.push(`remote request: ${route.request().url()}`);
        return route.abort();
      },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('loads offline, hydrates, and shows the overview sections and the catalogue', async () => {
    await page.goto(site.url, { waitUntil: 'load' });
    // Operations are rendered on the client only: seeing one proves Redoc's script ran.
    const first = operations[0]!.op;
    await page.evaluate((hash) => void (location.hash = hash), `#/${first.tags[0].toLowerCase()}/${first.operationId.toLowerCase()}`);
    await page.locator(`[id="${first.tags[0].toLowerCase()}/${first.operationId.toLowerCase()}"] [role=tab]`).first().waitFor();
    expect(await page.title()).toBe(spec.info.title);

    const headings = await page.locator('h2[id^="section/"]').allInnerTexts();
    const sections = [...String(spec.info.description).matchAll(/^# (.+)$/gm)].map((m) => m[1]!.trim());
    expect(sections).toEqual(expect.arrayContaining(['Authentication', 'Errors', 'Rate limits', 'Retries', 'Idempotency', 'Webhooks']));
    expect(headings.map((h) => h.trim())).toEqual(expect.arrayContaining([...sections, ERROR_SECTION, FAILURE_SECTION, TESTING_SECTION]));
    // The spec's webhooks have pages of their own, like operations.
    for (const name of Object.keys(spec.webhooks)) {
      const { summary, tags, operationId } = spec.webhooks[name].post;
      const id = `${tags[0].toLowerCase()}/${operationId.toLowerCase()}`;
      await page.evaluate((hash) => void (location.hash = hash), `#/${id}`);
      await page.locator(`[id="${id}"]`).waitFor();
      expect(await page.locator(`[id="${id}"]`).innerText()).toContain(summary);
    }
    expect(problems).toEqual([]);
  });

  it('lists every test value of the mock on its "Testing against the mock" page', async () => {
    await page.evaluate(() => void (location.hash = '#section/testing-against-the-mock'));
    const values = loadDefaultFixtures().testValues.map((t) => t.value);
    // Wait until the whole list is rendered, then read textContent (no layout needed).
    await page.waitForFunction(
      (values) => {
        const text = document.getElementById('section/testing-against-the-mock')?.closest('[data-section-id]')?.textContent ?? '';
        return values.every((v) => text.includes(v));
      },
      values,
      { timeout: 30_000 },
    );
    const shown = await page.evaluate(() => document.getElementById('section/testing-against-the-mock')!.closest('[data-section-id]')!.textContent ?? '');
    for (const value of values) expect(shown, value).toContain(value);
  });

  it('lists every error code with its status, type, retryability, action and example bodies', async () => {
    // The catalogue is on the overview page; the previous test left the page on a webhook.
    await page.evaluate(() => void (location.hash = '#section/error-catalogue'));
    // Wait until every entry is rendered with its own code in it, then read textContent, which (unlike
    // innerText) does not depend on Redoc having laid the entry out yet.
    const expected = [
      ...errorCodes.map((c) => [anchorOf(errorCatalogue[c].docUrl), c]),
      ...failureCodes.map((c) => [anchorOf(failureCatalogue[c].docUrl), c]),
    ];
    await page.waitForFunction(
      (expected) =>
        expected.every(([anchor, code]) => {
          const heading = [...document.querySelectorAll('h2[id^="section/"]')].find((h) => h.id.endsWith(`/${anchor}`));
          const entry = heading?.closest('[data-section-id]');
          return !!entry?.textContent?.includes(code!) && entry.querySelectorAll('pre').length > 0;
        }),
      expected,
      { timeout: 30_000 },
    );
    const entries = await page.evaluate(() =>
      Object.fromEntries(
        // Entries are the headings one level below a section: `section/<section>/<anchor>`.
        [...document.querySelectorAll('h2[id^="section/"]')].filter((h) => h.id.split('/').length === 3).map((h) => {
          const entry = h.closest('[data-section-id]')!;
          return [h.id.split('/').pop(), { text: entry.textContent ?? '', blocks: [...entry.querySelectorAll('pre')].map((p) => p.textContent ?? '') }];
        }),
      ),
    );
    for (const code of errorCodes) {
      const e = errorCatalogue[code];
      const entry = entries[anchorOf(e.docUrl)];
      expect(entry, `entry of ${code}`).toBeDefined();
      expect(entry!.text).toContain(code);
      expect(entry!.text).toContain(`Status: ${e.status} · Type: ${e.type} · Retryable: ${e.retryable ? 'yes' : 'no'}`);
      expect(entry!.text).toContain(shown(e.description));
      expect(entry!.text).toContain(`What to do: ${shown(e.action)}`);
      for (const field of e.fields) expect(entry!.text).toContain(field);
      const examples = errorExamples(spec, code).map((ex) => ex.value);
      expect(examples.length, `examples of ${code}`).toBeGreaterThan(0);
      expect(entry!.blocks.map((b: string) => JSON.parse(b))).toEqual(examples);
    }
    for (const code of failureCodes) {
      const f = failureCatalogue[code];
      const entry = entries[anchorOf(f.docUrl)];
      expect(entry, `entry of failure ${code}`).toBeDefined();
      expect(entry!.text).toContain(`Retryable: ${f.retryable ? 'yes' : 'no'}`);
      expect(entry!.text).toContain(shown(f.description));
      expect(entry!.text).toContain(`What to do: ${shown(f.action)}`);
      const examples = failureExamples(spec, code).map((ex) => ex.value);
      expect(examples.length, `examples of failure ${code}`).toBeGreaterThan(0);
      expect(entry!.blocks.map((b: string) => JSON.parse(b))).toEqual(examples);
    }
    // Nothing in the catalogue sections that the contract does not have.
    const anchors = Object.keys(entries).filter((a) => /^(error|failure)-/.test(a));
    expect(anchors.sort()).toEqual([...errorCodes.map((c) => anchorOf(errorCatalogue[c].docUrl)), ...failureCodes.map((c) => anchorOf(failureCatalogue[c].docUrl))].sort());
  });

  it('shows every error response of every operation with all of its examples', async () => {
    for (const { method, path, op } of operations) {
      const id = `${op.tags[0].toLowerCase()}/${op.operationId.toLowerCase()}`;
      await page.evaluate((hash) => void (location.hash = hash), `#/${id}`);
      await page.locator(`[id="${id}"] [role=tab]`).first().waitFor();
      const statuses = Object.keys(op.responses).filter((s) => Number(s) >= 400);
      expect(statuses.length, `${method} ${path} error responses`).toBeGreaterThan(0);
      expect(await page.locator(`[id="${id}"] [role=tab]`).allInnerTexts()).toEqual(expect.arrayContaining(statuses));

      // One round trip per operation: pick each status, then each example, in the samples panel.
      const rendered = await page.evaluate(
        async ({ id, statuses }) => {
          const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
          // Opens the example menu and returns its items. It is rendered elsewhere in the page, on a
          // later frame, and the page has other menus (the server picker): take the one that appears.
          const openMenu = async (dropdown: HTMLElement) => {
            const before = new Set(document.querySelectorAll('[role=menu]'));
            dropdown.click();
            // Bounded by time, not by frames: a busy machine draws fewer frames per second.
            for (const until = Date.now() + 10_000; Date.now() < until; ) {
              const menu = [...document.querySelectorAll('[role=menu]')].find((m) => !before.has(m));
              if (menu) return [...menu.querySelectorAll<HTMLElement>('[role=menuitem]')];
              await frame();
            }
            return [];
          };
          const panel = [...document.getElementById(id)!.querySelectorAll('[data-testid="right-panel"] [data-component-name="Panel/Panel"]')].find(
            (p) => p.querySelector('[data-component-name="Panel/PanelHeaderTitle"]')?.textContent === 'Response',
          );
          if (!panel) return { error: 'no Response panel' };
          const out: Record<string, { summaries: string[]; bodies: string[] }> = {};
          for (const status of statuses) {
            const button = [...panel.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === status);
            if (!button) return { error: `no ${status} button` };
            button.click();
            await frame();
            const body = () => (panel.querySelector('[data-testid="json-viewer"] pre') as HTMLElement | null)?.innerText ?? '';
            const dropdown = panel.querySelector<HTMLButtonElement>('button[aria-label="Example"]');
            if (!dropdown) {
              out[status] = { summaries: [], bodies: [body()] };
              continue;
            }
            let menu = await openMenu(dropdown);
            const summaries: string[] = [];
            const bodies: string[] = [];
            for (let i = 0, count = menu.length; i < count; i++) {
              if (i > 0) menu = await openMenu(dropdown);
              const item = menu[i];
              if (!item) return { error: `status ${status}: the example menu did not open a second time` };
              summaries.push(item.innerText.trim());
              item.click();
              await frame();
              bodies.push(body());
            }
            out[status] = { summaries, bodies };
          }
          return { out };
        },
        { id, statuses },
      );
      expect(rendered.error, `${method} ${path}`).toBeUndefined();
      for (const status of statuses) {
        const content = resolveRef(op.responses[status]).content['application/json'];
        const examples = Object.values<any>(content.examples ?? {}).map((ex) => resolveRef(ex));
        expect(examples.length, `${method} ${path} ${status} has examples`).toBeGreaterThan(0);
        const got = rendered.out![status]!;
        expect(got.bodies.map((b) => JSON.parse(b)), `${method} ${path} ${status}`).toEqual(examples.map((ex) => ex.value));
        if (examples.length > 1) expect(got.summaries).toEqual(examples.map((ex) => ex.summary));
      }
    }
  });

  it('scrolls to the entry of every doc_url, on a fresh load and on a hash change', async () => {
    // A fresh load is what a reader following a doc_url does; a few, since each reloads the page.
    for (const docUrl of [errorCatalogue.quota_exceeded.docUrl, errorCatalogue.gateway_timeout.docUrl, failureCatalogue[failureCodes.at(-1)!].docUrl]) {
      await page.goto(local(docUrl), { waitUntil: 'load' });
      const id = await page.evaluate(() => location.hash.slice(1));
      expect(id.split('/').pop(), docUrl).toBe(anchorOf(docUrl));
      await page.waitForFunction((id) => {
        const top = document.getElementById(id)?.getBoundingClientRect().top;
        return top !== undefined && top >= 0 && top < 150;
      }, id, { timeout: 30_000 });
      expect(await onScreen(id), docUrl).toBe(true);
    }
    await page.goto(local(errorCatalogue.quota_exceeded.docUrl), { waitUntil: 'load' });
    await page.waitForFunction(() => (document.getElementById(location.hash.slice(1))?.getBoundingClientRect().top ?? -1) >= 0);
    // Let the sidebar finish following the scroll before taking the picture.
    await page.locator('[data-testid="menu-item-label"][data-active="true"]', { hasText: 'quota_exceeded' }).waitFor();
    await mkdir(join(root, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(root, 'test-results/docs.png') });

    // Every other code: the anchor typed into the address bar of the open page.
    for (const docUrl of [...errorCodes.map((c) => errorCatalogue[c].docUrl), ...failureCodes.map((c) => failureCatalogue[c].docUrl)]) {
      const anchor = anchorOf(docUrl);
      await page.evaluate((hash) => void (location.hash = hash), new URL(local(docUrl)).hash);
      const id = await page.waitForFunction((anchor) => {
        const id = location.hash.slice(1);
        const top = document.getElementById(id)?.getBoundingClientRect().top;
        return id.endsWith(`/${anchor}`) && top !== undefined && top >= 0 && top < 150 && id;
      }, anchor, { timeout: 30_000 });
      expect(await onScreen(String(await id.jsonValue())), docUrl).toBe(true);
    }
  });

  it('logged no console error and made no remote request along the way', () => {
    expect(problems).toEqual([]);
  });
});
