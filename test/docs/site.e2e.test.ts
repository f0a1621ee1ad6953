// The built docs site, in headless Chromium: it loads offline without console errors, shows every
// catalogue code with its facts and examples, every operation's error responses with their
// examples and links to their codes, its code samples in three languages and a try-it console
// that gets an answer from a mock; every doc_url lands on its entry, entries link back, and a
// search for an entry's text lands on it. Screenshots go to test-results/.
import { loadDefaultFixtures } from '../../src/mock/fixtures.ts';
import { TESTING_SECTION } from '../../src/mock/test-value-table.ts';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsUrl, errorCatalogue, failureCatalogue } from '../../generated/catalogue.ts';
import { ERROR_SECTION, FAILURE_SECTION, anchorOf, errorExamples, failureExamples, operationHref, operationsByCode } from '../../scripts/docs-catalogue.ts';
import { entryRoute } from '../../scripts/docs-page-data.ts';
import { codeSamples, SAMPLE_LANGUAGES } from '../../scripts/docs-sample-code.ts';
import { samplePlans } from '../../scripts/docs-samples.ts';
import { startMockServer, type MockServer } from '../../src/mock/index.ts';
import { createServer } from 'node:net';
import { randomUUID } from 'node:crypto';
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
const plans = samplePlans(spec, loadDefaultFixtures());
const returnedBy = operationsByCode(spec);
const entries = [
  ...errorCodes.map((c) => ({ kind: 'error', code: c as string, id: entryRoute(ERROR_SECTION, errorCatalogue[c].docUrl), docUrl: errorCatalogue[c].docUrl })),
  ...failureCodes.map((c) => ({ kind: 'failure', code: c as string, id: entryRoute(FAILURE_SECTION, failureCatalogue[c].docUrl), docUrl: failureCatalogue[c].docUrl })),
];
/** A port nothing listens on: bound, then closed. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
/** Markdown as the page shows it: inline code without its backticks. */
const shown = (markdown: string) => markdown.replace(/`/g, '');

describe.skipIf(!hasChromium && !process.env.CI)('docs site (headless Chromium)', { timeout: 120_000 }, () => {
  let outDir: string;
  let site: StaticServer;
  let browser: Browser;
  let page: Page;
  let mock: MockServer;
  let closed: string; // a mock URL where nothing answers
  const problems: string[] = []; // console errors, page errors and requests that leave this machine's servers
  const shots = join(root, 'test-results');

  /** The local address of a doc_url: the same path, query and #anchor relative to the site root. */
  const local = (docUrl: string) => site.url + docUrl.slice(docsUrl.length);

  /** Waits until the element with this id has its top near the top of the viewport (Redoc scrolled to
   * it), or on screen with the page scrolled to its end (the last entry cannot reach the top). */
  const scrolledTo = (id: string) =>
    page.waitForFunction(
      (id) => {
        const top = document.getElementById(id)?.getBoundingClientRect().top;
        const page = document.scrollingElement!;
        const atEnd = page.scrollTop > 0 && page.scrollTop + page.clientHeight >= page.scrollHeight - 2;
        return top !== undefined && top >= 0 && (top < 150 || (atEnd && top < window.innerHeight));
      },
      id,
      { timeout: 30_000 },
    );

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
    mock = await startMockServer({ log: () => {}, port: 0 });
    closed = `http://127.0.0.1:${await closedPort()}`;
    await mkdir(shots, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (msg) => {
      // The browser's own line for the try-it request sent to the closed port on purpose.
      if (msg.type() === 'error' && !msg.location().url.startsWith(closed)) problems.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => void problems.push(`page error: ${err.message}`));
    // Offline like a reader behind a firewall: anything but the site and the local mocks fails, and is reported.
    await page.route(
      (url) => ![site.url, mock.url, closed].some((local) => url.href.startsWith(local)),
      (route) => {
        problems.push(`remote request: ${route.request().url()}`);
        return route.abort();
      },
    );
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await mock?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('loads offline, hydrates, and shows the overview sections and the catalogue', async () => {
    await page.goto(site.url, { waitUntil: 'load' });
    // Operations are rendered on the client only: seeing one proves Redoc's script ran.
    const first = operationHref(spec, readContract(spec).operations[0]!).slice(2);
    await page.evaluate((hash) => void (location.hash = hash), `#/${first}`);
    await page.locator(`[id="${first}"] [role=tab]`).first().waitFor();
    expect(await page.title()).toBe(spec.info.title);

    const headings = await page.locator('h2[id^="section/"]').allInnerTexts();
    const sections = [...String(spec.info.description).matchAll(/^# (.+)$/gm)].map((m) => m[1]!.trim());
    expect(sections).toEqual(expect.arrayContaining(['Authentication', 'Errors', 'Rate limits', 'Retries', 'Idempotency', 'Webhooks']));
    expect(headings.map((h) => h.trim())).toEqual(expect.arrayContaining([...sections, TESTING_SECTION]));
    // The catalogues are pages of their own, in the sidebar.
    const menu = await page.locator('[data-testid="menu-item-label"]').allInnerTexts();
    expect(menu.map((m) => m.trim())).toEqual(expect.arrayContaining([ERROR_SECTION, FAILURE_SECTION]));
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

  it('lands every doc_url on its entry, which has the facts, the examples, linked doc_urls and links to its operations', async () => {
    // Redoc renders an entry as it scrolls to it: each is reached as a reader does, by its doc_url's
    // anchor typed into the address bar of the open page.
    for (const { kind, code, id, docUrl } of entries) {
      await page.evaluate((hash) => void (location.hash = hash), new URL(local(docUrl)).hash);
      await scrolledTo(id);
      expect(await page.evaluate(() => location.hash), docUrl).toBe(`#${id}`);
      await page.waitForFunction((id) => !!document.getElementById(id)?.closest('[data-section-id]')?.querySelector('pre'), id);
      const entry = await page.evaluate((id) => {
        const section = document.getElementById(id)!.closest('[data-section-id]')!;
        return {
          text: section.textContent ?? '',
          blocks: [...section.querySelectorAll('pre')].map((p) => p.textContent ?? ''),
          docLinks: [...section.querySelectorAll('pre a.mg-doc-url')].map((a) => [a.textContent, a.getAttribute('href')]),
          links: [...section.querySelectorAll('a:not(.mg-doc-url)')].map((a) => a.getAttribute('href')),
        };
      }, id);
      expect(entry.text).toContain(code);
      if (kind === 'error') {
        const e = errorCatalogue[code as keyof typeof errorCatalogue];
        expect(entry.text).toContain(`Status: ${e.status} · Type: ${e.type} · Retryable: ${e.retryable ? 'yes' : 'no'}`);
        expect(entry.text).toContain(shown(e.description));
        expect(entry.text).toContain(`What to do: ${shown(e.action)}`);
        for (const field of e.fields) expect(entry.text).toContain(field);
        expect(entry.blocks.map((b) => JSON.parse(b))).toEqual(errorExamples(spec, code).map((ex) => ex.value));
        // Each example's doc_url is a link to this very entry.
        expect(entry.docLinks).toEqual(entry.blocks.map(() => [e.docUrl, `#${id}`]));
        expect(entry.links).toEqual(expect.arrayContaining((returnedBy.get(code) ?? []).map((o) => o.href)));
      } else {
        const f = failureCatalogue[code as keyof typeof failureCatalogue];
        expect(entry.text).toContain(`Retryable: ${f.retryable ? 'yes' : 'no'}`);
        expect(entry.text).toContain(shown(f.description));
        expect(entry.text).toContain(`What to do: ${shown(f.action)}`);
        expect(entry.blocks.map((b) => JSON.parse(b))).toEqual(failureExamples(spec, code).map((ex) => ex.value));
      }
    }
  });

  it('shows every error response of every operation with all of its examples', async () => {
    for (const { method, path, op } of operations) {
      const id = operationHref(spec, { method, path, operationId: op.operationId }).slice(2);
      await page.evaluate((hash) => void (location.hash = hash), `#/${id}`);
      await page.locator(`[id="${id}"] [role=tab]`).first().waitFor();
      const statuses = Object.keys(op.responses).filter((s) => Number(s) >= 400);
      expect(statuses.length, `${method} ${path} error responses`).toBeGreaterThan(0);
      expect(await page.locator(`[id="${id}"] [role=tab]`).allInnerTexts()).toEqual(expect.arrayContaining(statuses));

      // One round trip per operation: pick each status, then each example, in the samples panel.
      const rendered = await page.evaluate(
        async ({ id, statuses }) => {
          const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
          // Waits for the page to show what a click asked for. Bounded by time, not by frames: a busy
          // machine draws fewer frames per second. Past the bound the comparison below says what differs.
          const until = async (done: () => boolean) => {
            for (const end = Date.now() + 10_000; Date.now() < end && !done(); ) await frame();
          };
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
            const body = () => (panel.querySelector('[data-testid="json-viewer"] pre') as HTMLElement | null)?.innerText ?? '';
            // The panel shows another response before (its success, or the previous status).
            const before = body();
            button.click();
            await until(() => body() !== before);
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
              const summary = item.innerText.trim();
              summaries.push(summary);
              item.click();
              // The dropdown names the example it shows.
              await until(() => panel.querySelector('button[aria-label="Example"]')?.textContent?.trim() === summary);
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

  /** Opens the page of an operation; returns it and its section id (`images/generateimage`). */
  const openOperation = async (operationId: string) => {
    const op = readContract(spec).operations.find((o) => o.operationId === operationId)!;
    const id = operationHref(spec, op).slice(2);
    await page.evaluate((hash) => void (location.hash = hash), `#/${id}`);
    await page.locator(`[id="${id}"] [role=tab]`).first().waitFor();
    return { op, id };
  };

  // Every error response's links to its codes are checked in catalogue.test.ts; one is followed below.
  it('shows beside every operation its code samples in the three languages', async () => {
    const labels = SAMPLE_LANGUAGES.map((l) => l.label);
    for (const plan of plans) {
      const { id } = await openOperation(plan.operationId);
      const rendered = await page.evaluate(
        async ({ id, labels }) => {
          const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
          // Bounded by time, not by frames: a busy machine draws fewer frames per second.
          const until = async <T,>(get: () => T | undefined | false) => {
            for (const end = Date.now() + 10_000; Date.now() < end; await frame()) {
              const got = get();
              if (got) return got;
            }
            return undefined;
          };
          const section = document.getElementById(id)!;
          const panel = section.querySelector('.panel-request-samples');
          if (!panel) return { error: 'no samples panel' };
          const samples: Record<string, string> = {};
          for (const label of labels) {
            // The language menu is the last dropdown of the panel's header; its menu appears on click.
            const button = [...panel.querySelectorAll<HTMLElement>('[data-component-name="Panel/PanelHeader"] button[aria-haspopup=menu]')].at(-1)!;
            const before = new Set(document.querySelectorAll('[role=menu]'));
            button.click();
            const item = await until(() =>
              [...document.querySelectorAll<HTMLElement>('[role=menuitem]')].find((i) => !before.has(i.closest('[role=menu]')!) && i.textContent?.trim() === label),
            );
            if (!item) return { error: `no ${label} in the language menu` };
            item.click();
            if (!(await until(() => button.textContent?.trim() === label))) return { error: `${label} was not chosen` };
            samples[label] = panel.querySelector('pre[data-testid="source-code"]')?.textContent ?? '';
          }
          return { samples };
        },
        { id, labels },
      );
      expect(rendered.error, plan.operationId).toBeUndefined();
      for (const sample of codeSamples(plan)) {
        expect(rendered.samples![sample.label]!.trim(), `${plan.operationId} ${sample.label}`).toBe(sample.source.trim());
      }
    }
  });

  it("sends each operation's request from its try-it console to a running mock, and says when nothing answers", async () => {
    const key = `mg_${randomUUID()}`;
    for (const plan of plans) {
      const { id } = await openOperation(plan.operationId);
      const box = page.locator(`[id="${id}"] .mg-try-it`);
      await box.getByLabel('Mock URL').fill(mock.url);
      await box.getByLabel('API key').fill(key);
      await box.getByRole('button', { name: 'Send' }).click();
      const status = box.locator('.mg-try-it-status');
      await status.waitFor();
      // The poll's console polls the video that the console before it started.
      expect((await status.innerText()).split(' ')[0], plan.operationId).toBe(String(plan.calls[0].status));
      // Read through CORS: the mock exposes the headers the console shows.
      expect(await box.locator('.mg-try-it-headers').innerText()).toMatch(/^x-request-id: req_/m);
      expect(JSON.parse(await box.locator('.mg-try-it-body').innerText())).toBeTypeOf('object');
    }
    const box = page.locator('.mg-try-it').first();
    await box.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'docs-try-it.png') });

    await box.getByLabel('Mock URL').fill(closed);
    await box.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => box.locator('output').innerText()).toBe(`No answer from ${closed} — is \`npx mediagen-mock\` running?`);
    // The key lives in the page's memory only.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    expect(stored).not.toContain(key);
  });

  it('links an error response to its catalogue entry, and the entry back to the operation', async () => {
    const { id } = await openOperation('generateImage');
    const quota = entries.find((e) => e.code === 'quota_exceeded')!;
    await page.locator(`[id="${id}"] [role=tab]`, { hasText: String(errorCatalogue.quota_exceeded.status) }).click();
    await page.locator(`[id="${id}"] [data-testid="middle-panel"] a[href="#${anchorOf(quota.docUrl)}"]`).click();
    await scrolledTo(quota.id);
    await page.screenshot({ path: join(shots, 'docs-error-link.png') });
    const back = returnedBy.get('quota_exceeded')!.find((o) => o.href === `#/${id}`)!;
    await page.locator(`[data-section-id="${quota.id}"] a[href="${back.href}"]`).click();
    await scrolledTo(id);
  });

  it('lands a search for a phrase of a catalogue entry on that entry', async () => {
    // The first words of what to do about quota_exceeded ("Add credits").
    const phrase = errorCatalogue.quota_exceeded.action.split(' ').slice(0, 2).join(' ');
    const trigger = page.locator('[data-testid="search-trigger"]');
    await expect.poll(() => trigger.innerText(), { timeout: 30_000 }).not.toContain('Loading');
    await trigger.click();
    await page.keyboard.type(phrase);
    const hit = page.locator('[data-component-name="Search/SearchItem"]').first();
    await expect.poll(() => hit.innerText(), { timeout: 30_000 }).toContain('quota_exceeded');
    await page.screenshot({ path: join(shots, 'docs-search.png') });
    await hit.click();
    await scrolledTo(entries.find((e) => e.code === 'quota_exceeded')!.id);
  });

  it('gives prose the width: the Overview card stays by the title, the catalogue pages have no empty column', async () => {
    const measure = (id: string) =>
      page.evaluate((id) => {
        const section = document.getElementById(id)!.closest('[data-section-id]')!;
        const layout = section.closest('[data-component-name="Layout/ThreePanelLayout"]')!;
        const right = [...layout.querySelectorAll<HTMLElement>('[data-testid="right-panel"]')].filter((r) => getComputedStyle(r).display !== 'none');
        return {
          share: section.getBoundingClientRect().width / layout.getBoundingClientRect().width,
          // Right columns on screen next to the section.
          beside: right.filter((r) => {
            const { top, bottom, height } = r.getBoundingClientRect();
            return height > 0 && bottom > 0 && top < window.innerHeight;
          }).length,
        };
      }, id);
    await page.evaluate(() => void (location.hash = '#section/rate-limits'));
    await scrolledTo('section/rate-limits');
    expect(await measure('section/rate-limits')).toEqual({ share: expect.toSatisfy((s: number) => s > 0.75), beside: 0 });
    const entry = entries.find((e) => e.code === 'rate_limit')!;
    await page.evaluate((hash) => void (location.hash = hash), `#${entry.id}`);
    await scrolledTo(entry.id);
    expect(await measure(entry.id)).toEqual({ share: expect.toSatisfy((s: number) => s > 0.75), beside: 0 });
  });

  it('scrolls to the entry of a doc_url on a fresh load', async () => {
    // A fresh load is what a reader following a doc_url does; a few, since each reloads the page.
    for (const docUrl of [errorCatalogue.quota_exceeded.docUrl, errorCatalogue.gateway_timeout.docUrl, failureCatalogue[failureCodes.at(-1)!].docUrl]) {
      await page.goto(local(docUrl), { waitUntil: 'load' });
      const id = entries.find((e) => e.docUrl === docUrl)!.id;
      expect(await page.evaluate(() => location.hash.slice(1)), docUrl).toBe(id);
      await scrolledTo(id);
      expect(await onScreen(id), docUrl).toBe(true);
    }
    await page.goto(local(errorCatalogue.quota_exceeded.docUrl), { waitUntil: 'load' });
    await scrolledTo(entries.find((e) => e.code === 'quota_exceeded')!.id);
    // Let the sidebar finish following the scroll before taking the picture.
    await page.locator('[data-testid="menu-item-label"][data-active="true"]', { hasText: 'quota_exceeded' }).waitFor();
    await page.screenshot({ path: join(shots, 'docs.png') });
  });

  it('logged no console error and made no remote request along the way', () => {
    expect(problems).toEqual([]);
  });
});
