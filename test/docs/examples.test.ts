// The test-suite examples of the mock guide are real: each file of docs/examples/ is shown in
// docs/mock.md exactly as it is, and they type-check under --strict against the packages' sources
// (named as a user imports them: @mediagen/client, @mediagen/mock, @mediagen/mock/msw); `npm run
// test:packages` runs them (scripts/packages/guide-examples.ts), each file by the role it has there.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleRoles, vitestConfigFromGuide } from '../../scripts/packages/guide-examples.ts';
import { root } from '../../scripts/root.ts';
import { repoOptions, typeCheck } from '../types/compile.ts';

const dir = join(root, 'docs/examples');
const files = readdirSync(dir).filter(name => name.endsWith('.ts'));
const guide = readFileSync(join(root, 'docs/mock.md'), 'utf8');

describe('the mock guide’s examples', () => {
  it.each(files)('%s is shown in docs/mock.md as it is', name => {
    expect(guide).toContain('```ts\n' + readFileSync(join(dir, name), 'utf8').trimEnd() + '\n```');
  });

  it('type-check under --strict against the packages', () => {
    const paths = {
      '@mediagen/client': ['src/client/index.ts'],
      '@mediagen/mock': ['src/mock/index.ts'],
      '@mediagen/mock/msw': ['src/mock/msw.ts'],
    };
    const sources = Object.fromEntries(files.map(name => [join(dir, name), readFileSync(join(dir, name), 'utf8')]));
    const { errors } = typeCheck(sources, repoOptions({ baseUrl: root, paths, strict: true }));
    expect(errors).toEqual([]);
  });

  it('each has a role in test:packages (run by vitest, run as a script, or type-checked only)', () => {
    expect(Object.keys(exampleRoles).sort()).toEqual([...files].sort());
  });

  it('the guide’s vitest.config.ts names a setup under test/ that test:packages runs with vitest', () => {
    const setup = /globalSetup: '(\.\/test\/[^']+)'/.exec(vitestConfigFromGuide(guide))?.[1];
    expect(setup).toBeDefined();
    expect(exampleRoles[basename(setup!)]).toBe('vitest');
    expect(() => vitestConfigFromGuide('# no config here')).toThrow(/\/\/ vitest\.config\.ts/);
  });
});
