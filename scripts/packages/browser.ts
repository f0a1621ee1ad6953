// The installed client in a browser: bundled by esbuild from the consumer project's node_modules
// (not from src/), measured gzipped, and run in headless Chromium against the mock on another origin.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** An esbuild browser bundle (minified ESM) of `contents`, resolved from `project`. */
async function bundle(project: string, contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: project, loader: 'js' },
    absWorkingDir: project,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Gzipped bytes of everything the client's main entry exports, as an app would ship it. */
export async function gzipSize(project: string): Promise<number> {
  return gzipSync(await bundle(project, "export * from '@mediagen/client';"), { level: 9 }).length;
}

/** Serves one page and its script on 127.0.0.1 (an origin other than the mock's). */
async function servePage(script: string) {
  const server = createServer((req, res) => {
    if (req.url === '/app.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><script type="module" src="/app.js"></script>');
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

/** Loads `entry` (bundled from `project`) in Chromium and returns what `window.runClient(mockUrl)` resolves to. */
export async function runInChromium(project: string, entry: string, mockUrl: string): Promise<unknown> {
  const page = await servePage(await bundle(project, entry));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', error => errors.push(error.message));
    await tab.goto(page.url);
    await tab
      .waitForFunction(() => 'runClient' in window, undefined, { timeout: 30_000 })
      .catch(() => {
        throw new Error(`the page never defined runClient: ${errors.join('; ') || 'no page error'}`);
      });
    return await tab.evaluate(
      url => (window as unknown as { runClient(url: string): Promise<unknown> }).runClient(url),
      mockUrl,
    );
  } finally {
    await browser.close();
    await page.close();
  }
}
