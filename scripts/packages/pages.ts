// The package pages as their users meet them, for `npm run test:packages`: each installed package's
// README example runs as written against the packed mock, its manifest links the repository, the
// docs and the issues, every docs link of the pages and of the
// bins' --help lands on a section of the docs site, and `npm run pack:local` gives one install line
// that installs all three together into an empty project.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DOCS_SITE_URL, ISSUES_URL, REPOSITORY_URL, headingSlug } from '../../src/kernel/links.ts';
import { readGuides, sectionAnchor } from '../docs-guides.ts';
import { root } from '../root.ts';
import { installProject } from './install.ts';
import { pages } from './readme.ts';
import { runOk } from './run.ts';

/** Throws on a link into the docs site whose anchor is not a guide's section (or the site itself). */
async function checkDocsLinks(where: string, text: string): Promise<number> {
  const sections = new Set(
    (await readGuides()).flatMap(g => [
      sectionAnchor(g),
      ...g.subsections.map(s => sectionAnchor(g, headingSlug(s))),
    ]),
  );
  const links = [...text.matchAll(new RegExp(`${DOCS_SITE_URL.replaceAll('.', '\\.')}(#[^\\s)"']*)?`, 'g'))];
  if (links.length === 0) throw new Error(`${where} links nowhere into the docs site ${DOCS_SITE_URL}`);
  for (const [url, anchor] of links)
    if (anchor && !sections.has(anchor)) throw new Error(`${where}: ${url} is no section of the docs site`);
  return links.length;
}

/** Runs the example of an installed package's README in its project; returns what it printed. */
async function runReadmeExample(project: string, dir: string, mockUrl: string): Promise<string> {
  const readme = await readFile(join(project, 'node_modules/@mediagen', dir, 'README.md'), 'utf8');
  const example = /## Example\n\n```js\n([\s\S]*?)\n```/.exec(readme)?.[1];
  if (!example) throw new Error(`@mediagen/${dir}'s README has no \`\`\`js example under "## Example"`);
  await checkDocsLinks(`@mediagen/${dir}'s README`, readme);
  await writeFile(join(project, 'readme-example.mjs'), example);
  const { stdout } = await runOk(process.execPath, ['readme-example.mjs'], {
    cwd: project,
    env: { MEDIAGEN_BASE_URL: mockUrl },
    timeoutMs: 60_000,
  });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  if (!pages[dir]!.prints.test(last))
    throw new Error(`printed ${JSON.stringify(last)}, not ${pages[dir]!.prints}`);
  return last;
}

/** The installed manifest says where the package comes from: repository, homepage (the docs) and bugs. */
async function checkManifestLinks(project: string, dir: string): Promise<string> {
  const manifest = JSON.parse(
    await readFile(join(project, 'node_modules/@mediagen', dir, 'package.json'), 'utf8'),
  );
  const got = [manifest.repository?.url, manifest.homepage, manifest.bugs?.url];
  const want = [`git+${REPOSITORY_URL}.git`, DOCS_SITE_URL, ISSUES_URL];
  if (got.join(' ') !== want.join(' '))
    throw new Error(`repository, homepage, bugs: ${JSON.stringify(got)}, not ${JSON.stringify(want)}`);
  return want.join(', ');
}

/** Every bin's --help links into the docs site, at a guide's section. */
async function checkHelpLinks(project: string, bins: string[][]): Promise<string> {
  for (const args of bins) {
    const { stdout } = await runOk('npx', ['--no', '--', ...args, '--help'], { cwd: project });
    await checkDocsLinks(`${args.join(' ')} --help`, stdout);
  }
  return `${bins.map(b => b.join(' ')).join(', ')}: --help links to the docs site`;
}

/** The project checkPackLocal installs the three packages into (the mock guide's examples run there). */
export const packLocalProject = (work: string) => join(work, 'local-project');

/** `npm run pack:local`, then its printed install line, run as printed in an empty project. */
async function checkPackLocal(work: string): Promise<string> {
  const { stdout } = await runOk('npm', ['run', '--silent', 'pack:local', '--', join(work, 'local')], {
    cwd: root,
  });
  const line = stdout.trim().split('\n').at(-1)!;
  if (!line.startsWith('npm install ')) throw new Error(`pack:local ended with ${JSON.stringify(line)}`);
  const project = packLocalProject(work);
  await installProject(project, line.slice('npm install '.length).split(' '));
  await runOk(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "await import('@mediagen/client'); await import('@mediagen/contract'); await import('@mediagen/mock');",
    ],
    { cwd: project },
  );
  return 'its npm install line installs the three together; each imports';
}

type Check = (name: string, body: () => Promise<string>) => Promise<void>;

/** Every check of this module, each recorded by test-packages' `check`, on the installed projects (by package folder). */
export async function checkPackagePages(check: Check, work: string, dirs: string[], mockUrl: string) {
  for (const dir of dirs)
    await check(`${dir}: repository, homepage and bugs`, () => checkManifestLinks(join(work, dir), dir));
  for (const dir of dirs)
    await check(`${dir}: the README example runs`, () => runReadmeExample(join(work, dir), dir, mockUrl));
  await check('bins: --help links to the docs site', () =>
    checkHelpLinks(join(work, 'mock'), [
      ['mediagen-mock'],
      ['mediagen-contract'],
      ['mediagen-contract', 'proxy'],
    ]),
  );
  await check('pack:local: one install line for the three', () => checkPackLocal(work));
}
