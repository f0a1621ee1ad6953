// `npm run build:dist` (and `npm pack`): the package's JavaScript in dist/. tsc compiles src/ and
// generated/; the bundle and the precompiled validators are copied beside them, where the compiled
// modules look for them (`../generated/openapi.json` from dist/src/).
import { execFileSync } from 'node:child_process';
import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = process.argv[2] ?? join(root, 'dist');

await rm(dist, { recursive: true, force: true });
execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'tsconfig.build.json'), '--outDir', dist], { stdio: 'inherit' });
for (const file of ['openapi.json', 'openapi.yaml', 'validators.js', 'validators.d.ts']) {
  await copyFile(join(root, 'generated', file), join(dist, 'generated', file));
}
console.log(`built ${dist}`);
