// Builds the docs site: the bundle plus the generated error catalogue, rendered by Redoc
// (`redocly build-docs`) into one self-contained index.html that needs no network.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { docsUrl, errorCatalogue, failureCatalogue } from '../generated/catalogue.ts';
import { docUrlsWithoutEntry, withCatalogue } from './docs-catalogue.ts';
import { withErrorLinks } from './docs-error-links.ts';
import { SAMPLE_LANGUAGES, withSamples } from './docs-sample-code.ts';
import { pageData, pageDataText } from './docs-page-data.ts';
import { samplePlans } from './docs-samples.ts';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { loadDefaultFixtures } from '../src/mock/fixtures.ts';
import { missingAnchors, readGuides, withGuides } from './docs-guides.ts';
import { root } from './root.ts';

export { root };
export const defaultOutDir = join(root, 'build/docs');
const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

// The page's only remote resource: the "API docs by Redocly" badge, an <img> from Redocly's CDN
// with no option to turn it off. Offline it is a failed request and a console error, so the badge
// is served from the page itself (a plain wordmark; the link to redocly.com stays).
const REMOTE_LOGOS = [
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg',
  'https://cdn.redoc.ly/redoc/logo-mini.svg',
];
const LOCAL_LOGO =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="52" height="14" viewBox="0 0 52 14">' +
      '<text x="0" y="11" font-family="sans-serif" font-size="11" font-weight="600" fill="#0044d4">Redocly</text></svg>',
  );

/** Where docs/template.hbs takes the page data (docs-page-data.ts). */
const DATA_MARKER = 'MEDIAGEN_DOCS_DATA';

export interface DocsBuild {
  outDir: string;
  file: string;
  bytes: number;
  errorCodes: number;
  failureCodes: number;
}

export class DocsBuildError extends Error {}

/** docs/redocly.yaml with the sample languages: Redoc shows only the x-codeSamples of those it lists. */
async function redoclyConfig(): Promise<string> {
  const config = parseYaml(await readFile(join(root, 'docs/redocly.yaml'), 'utf8'));
  config.openapi = { ...config.openapi, codeSamples: { languages: SAMPLE_LANGUAGES } };
  return toYaml(config);
}

export async function buildDocs(outDir = defaultOutDir): Promise<DocsBuild> {
  const spec = JSON.parse(await readFile(join(root, 'generated/openapi.json'), 'utf8'));
  if (spec.externalDocs?.url !== docsUrl) {
    throw new DocsBuildError(
      'generated/catalogue.ts and generated/openapi.json disagree on the docs URL: run `npm run build`',
    );
  }
  const tables = { errorCatalogue, failureCatalogue };
  const guides = await readGuides();
  const fixtures = loadDefaultFixtures();
  const withLinks = withErrorLinks(withCatalogue(withGuides(spec, guides), tables), tables);
  const withDocs = withSamples(withLinks, fixtures);
  const missing = docUrlsWithoutEntry(withDocs, tables, docsUrl);
  if (missing.length)
    throw new DocsBuildError(
      `doc_url anchors with no entry in the catalogue pages:\n  ${missing.join('\n  ')}`,
    );

  const tmp = await mkdtemp(join(tmpdir(), 'mediagen-docs-'));
  const file = join(outDir, 'index.html');
  try {
    const input = join(tmp, 'openapi.json');
    await writeFile(input, JSON.stringify(withDocs));
    await writeFile(join(tmp, 'redocly.yaml'), await redoclyConfig());
    await mkdir(outDir, { recursive: true });
    const args = [
      'build-docs',
      input,
      '-o',
      file,
      '--inlineBundle',
      '--template',
      join(root, 'docs/template.hbs'),
      '--config',
      join(tmp, 'redocly.yaml'),
    ];
    await promisify(execFile)(process.execPath, [redocly, ...args], {
      cwd: root,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    }).catch(err => {
      const report = String(err.stderr || err.message)
        .split('\n')
        .filter(line => !/[║╔╚]/.test(line))
        .join('\n')
        .trim();
      throw new DocsBuildError(`redocly build-docs failed:\n${report}`);
    });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }

  let html = await readFile(file, 'utf8');
  for (const url of REMOTE_LOGOS) {
    // A Redoc upgrade that moves the badge must not silently bring back a remote request.
    if (!html.includes(url))
      throw new DocsBuildError(`Redoc no longer references ${url}: check what the page loads remotely now`);
    html = html.split(url).join(LOCAL_LOGO);
  }
  // The page's own script reads its data from the page: no request at load.
  if (!html.includes(DATA_MARKER))
    throw new DocsBuildError(`docs/template.hbs lost its ${DATA_MARKER} marker`);
  html = html.replace(DATA_MARKER, () =>
    pageDataText(pageData(spec, docsUrl, tables, samplePlans(spec, fixtures))),
  );
  await writeFile(file, html);

  const unlinked = missingAnchors(html, guides);
  if (unlinked.length)
    throw new DocsBuildError(`guide anchors with no section in the built page:\n  ${unlinked.join('\n  ')}`);

  // GitHub Pages serves the site at the contract's docs URL, where every doc_url points.
  await writeFile(join(outDir, 'CNAME'), `${new URL(docsUrl).hostname}\n`);
  // The contract itself, next to its docs, for tools that want the file.
  await copyFile(join(root, 'generated/openapi.json'), join(outDir, 'openapi.json'));
  await copyFile(join(root, 'generated/openapi.yaml'), join(outDir, 'openapi.yaml'));

  return {
    outDir,
    file,
    bytes: Buffer.byteLength(html),
    errorCodes: Object.keys(errorCatalogue).length,
    failureCodes: Object.keys(failureCatalogue).length,
  };
}
