// The release workflow, checked without releasing: its steps run in order (gate before anything is
// built, publish only what was packed, tag last), and its pack and publish loops, run by bash with
// `npm` replaced by a recorder, handle every package of dist/.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import YAML from 'yaml';
import { repo } from './workspace.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
const workflow = YAML.parse(readFileSync(join(repo, '.github/workflows/release.yml'), 'utf8'));
const steps: Step[] = workflow.jobs.release.steps;
const scripts = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).scripts;
const indexOf = (match: (s: Step) => boolean) => steps.findIndex(match);
const named = (name: string) => steps.find(s => s.name === name)!;
/** A step's shell, with GitHub's `${{ }}` expressions replaced by plain variables. */
const shell = (step: Step) => step.run!.replace(/\$\{\{\s*steps\.version\.outputs\.tag\s*\}\}/g, '$TAG');

const scratch = mkdtempSync(join(tmpdir(), 'mediagen-release-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('release workflow', () => {
  test('runs by hand on main, may sign provenance and push the tag', () => {
    expect(Object.keys(workflow.on)).toEqual(['workflow_dispatch']);
    expect(workflow.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    expect(workflow.jobs.release.if).toBe("github.ref == 'refs/heads/main'");
    // .ci/run installs Debian's Chromium with apt-get when it is missing: a Debian image.
    expect(workflow.jobs.release.container).toMatch(/^node:20-bookworm$/);
    expect(readFileSync(join(repo, '.ci/run'), 'utf8')).toContain('npm test');
    expect(steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(steps.find(s => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({
      'registry-url': 'https://registry.npmjs.org',
    });
  });

  test('gates and tests before it builds, packs before it publishes, tags last', () => {
    const order = [
      indexOf(s => s.run === 'npm ci'),
      indexOf(s => s.run === 'npm run diff'),
      indexOf(s => s.run === '.ci/run'),
      indexOf(s => s.run === 'npm run changelog'),
      indexOf(s => s.run === 'npm run build:dist'),
      indexOf(s => s.name === 'Pack'),
      indexOf(s => s.name === 'Publish'),
      indexOf(s => s.name === 'Tag'),
    ];
    expect(order.every(i => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const script of steps.flatMap(s => [...(s.run ?? '').matchAll(/npm run ([\w:]+)/g)].map(m => m[1]!)))
      expect(scripts).toHaveProperty(script);
  });

  test('every run step is valid bash', () => {
    for (const step of steps.filter(s => s.run)) execFileSync('bash', ['-n', '-c', shell(step)]);
  });

  test('packs every dist/*/ package and publishes each tarball with provenance (npm recorded, not run)', () => {
    const bin = join(scratch, 'bin');
    const log = join(scratch, 'npm.log');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'npm'),
      `#!/usr/bin/env bash\necho "npm $*" >> ${JSON.stringify(log)}\nif [ "$1" = pack ]; then touch "$4/$(basename "$2").tgz"; fi\n`,
    );
    chmodSync(join(bin, 'npm'), 0o755);
    for (const name of ['client', 'contract', 'mock'])
      mkdirSync(join(scratch, 'dist', name), { recursive: true });
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, NODE_AUTH_TOKEN: 'x' };
    for (const step of [named('Pack'), named('Publish')])
      execFileSync('bash', ['-e', '-c', shell(step)], { cwd: scratch, env, stdio: 'ignore' });
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'npm pack ./dist/client/ --pack-destination packs',
      'npm pack ./dist/contract/ --pack-destination packs',
      'npm pack ./dist/mock/ --pack-destination packs',
      'npm publish packs/client.tgz --provenance --access public',
      'npm publish packs/contract.tgz --provenance --access public',
      'npm publish packs/mock.tgz --provenance --access public',
    ]);
    expect(named('Publish').env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
  });

  test('tags the version of the contract, refusing one already released', () => {
    expect(named('Version').run).toContain(`require('./generated/openapi.json').info.version`);
    expect(named('Version').run).toMatch(/git rev-parse -q --verify "refs\/tags\/\$tag"[\s\S]*exit 1/);
    expect(named('Tag').run).toContain('git tag -a "${{ steps.version.outputs.tag }}"');
    expect(named('Tag').run).toContain('git push origin HEAD:main "${{ steps.version.outputs.tag }}"');
  });
});
