// The mock guide's test-suite examples (docs/examples/, shown verbatim in docs/mock.md) run as a user
// runs them, for `npm run test:packages`: in a project with the three packed packages, vitest and msw
// are installed from the registry at this repo's versions, the vitest files copied under test/ beside
// the guide's own vitest.config.ts, and `npx vitest run` must pass every example test; in-process.ts
// runs as a script. jest and Playwright are not installed: their files are type-checked only.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultFixtures } from '../../src/mock/fixtures/default.ts';
import { parseMoney, renderMoney } from '../../src/mock/money.ts';
import { root } from '../root.ts';
import { run, runOk } from './run.ts';

/** A script's run: the lines it must print. */
interface Script {
  prints: RegExp[];
}

/** How each file of docs/examples is run here; `types` ones only type-check (test/docs/examples.test.ts). */
export const exampleRoles: Record<string, 'vitest' | 'types' | Script> = {
  'global-setup.ts': 'vitest',
  'fresh-client.ts': 'vitest',
  'fresh-client.test.ts': 'vitest',
  // Its fresh account's books (with the balance it passes), then a fresh account's balance read through MSW.
  'in-process.ts': {
    prints: [
      /key: 'mg_test_unit'/,
      /balance: '1\.00'/,
      new RegExp(
        `^\\{ balance: ${renderMoney(parseMoney(defaultFixtures.balance!))}, currency: '${defaultFixtures.currency}' \\}$`,
        'm',
      ),
    ],
  },
  'global-teardown.ts': 'types', // jest's globalTeardown
  'playwright.config.ts': 'types',
};

const REPORT = 'vitest-report.json';

/** The guide's vitest.config.ts: the ```ts block of docs/mock.md that opens with that file's name. */
export function vitestConfigFromGuide(guide: string): string {
  const block = /```ts\n(\/\/ vitest\.config\.ts\n[\s\S]*?)\n```/.exec(guide)?.[1];
  if (!block) throw new Error('docs/mock.md shows no ```ts block opening with `// vitest.config.ts`');
  return `${block}\n`;
}

/** The exact version of a dependency this repo has installed (the lock file's). */
const repoVersion = async (name: string) =>
  (
    JSON.parse(await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

/** `npx vitest run` in the project; throws unless every example test file ran and every test in it passed. */
async function runVitest(project: string, testFiles: string[]): Promise<string> {
  await rm(join(project, REPORT), { force: true });
  // No inherited MEDIAGEN_BASE_URL: the tests reach a mock only if the guide's global setup starts one.
  const ran = await run('npx', ['--no', '--', 'vitest', 'run', '--reporter=json', `--outputFile=${REPORT}`], {
    cwd: project,
    env: { MEDIAGEN_BASE_URL: '' },
    timeoutMs: 120_000,
  });
  const output = `exit ${ran.code}:\n${(ran.stdout + ran.stderr).trim()}`;
  const report = JSON.parse(await readFile(join(project, REPORT), 'utf8').catch(() => '{}')) as {
    testResults?: { name: string; status: string; assertionResults: { status: string }[] }[];
  };
  if (!report.testResults) throw new Error(`npx vitest run wrote no ${REPORT}, ${output}`);
  let tests = 0;
  for (const file of testFiles) {
    const result = report.testResults.find(r => r.name.endsWith(`/test/${file}`));
    const passed = result?.assertionResults.filter(a => a.status === 'passed').length ?? 0;
    if (result?.status !== 'passed' || passed === 0 || passed !== result.assertionResults.length)
      throw new Error(
        `test/${file}: ${result ? `${result.status}, ${passed} passed` : 'not run'}; ${output}`,
      );
    tests += passed;
  }
  if (ran.code !== 0) throw new Error(`npx vitest run ${output}`);
  return `${tests} test(s) in ${testFiles.join(', ')} passed`;
}

/** Runs a TypeScript script of test/ as a user would (tsx) and checks the lines it prints. */
async function runScript(project: string, file: string, { prints }: Script): Promise<string> {
  const { stdout } = await runOk(join(root, 'node_modules/.bin/tsx'), [join('test', file)], {
    cwd: project,
    timeoutMs: 60_000,
  });
  const missing = prints.filter(line => !line.test(stdout));
  if (missing.length > 0) throw new Error(`test/${file} printed no ${missing.join(', ')}:\n${stdout.trim()}`);
  return `test/${file} ran and printed what it shows`;
}

/** Runs the guide's examples in `project`, an ESM project with the three packages installed. */
export async function runGuideExamples(project: string): Promise<string> {
  for (const name of ['client', 'mock'])
    if (!existsSync(join(project, 'node_modules/@mediagen', name)))
      throw new Error(`${project} has no @mediagen/${name} installed (did the pack:local install fail?)`);
  const versions = await Promise.all(['vitest', 'msw'].map(async n => `${n}@${await repoVersion(n)}`));
  await runOk('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--loglevel=error', ...versions], {
    cwd: project,
  });
  const guide = await readFile(join(root, 'docs/mock.md'), 'utf8');
  await writeFile(join(project, 'vitest.config.ts'), vitestConfigFromGuide(guide));
  await mkdir(join(project, 'test'), { recursive: true });
  const files = Object.entries(exampleRoles);
  for (const [file, role] of files)
    if (role !== 'types') await copyFile(join(root, 'docs/examples', file), join(project, 'test', file));
  const testFiles = files.filter(([f, role]) => role === 'vitest' && f.endsWith('.test.ts')).map(([f]) => f);
  const done = [await runVitest(project, testFiles)];
  for (const [file, role] of files)
    if (typeof role === 'object') done.push(await runScript(project, file, role));
  return `${versions.join(', ')}: ${done.join('; ')}`;
}
