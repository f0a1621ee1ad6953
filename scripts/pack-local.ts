// `npm run pack:local [dir]`: until the first release, the packages for a local install. Builds and
// packs all three into build/packages/ (or dir) and prints the npm install line that installs them
// together: the mock depends on the contract's exact version, so one alone does not install.
import { join, resolve } from 'node:path';
import { installLine, packAll } from './packages/pack-all.ts';
import { root } from './root.ts';

const destination = resolve(process.argv[2] ?? join(root, 'build/packages'));
try {
  const packed = await packAll(destination);
  console.log(`packed ${packed.names.join(', ')} into ${destination}`);
  console.log('Install all three in your project with:');
  console.log(installLine(packed));
} catch (err) {
  console.error(`pack:local: ${(err as Error).message}`);
  process.exit(1);
}
