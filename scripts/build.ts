// `npm run build`: bundle openapi/ and regenerate generated/.
// `npm run check`: fail when the committed generated/ differs from what openapi/ produces.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BuildError, buildArtifacts, root } from './artifacts.ts';

const check = process.argv.includes('--check');
try {
  const artifacts = await buildArtifacts();
  const stale: string[] = [];
  for (const [path, content] of artifacts) {
    const file = join(root, path);
    const current = await readFile(file, 'utf8').catch(() => undefined);
    if (current === content) continue;
    stale.push(path);
    if (!check) {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
    }
  }
  if (check && stale.length) {
    console.error(`generated/ is stale; run \`npm run build\` and commit:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(check ? 'generated/ is current.' : stale.length ? `wrote ${stale.join(', ')}` : 'generated/ was already current.');
} catch (err) {
  console.error(err instanceof BuildError ? err.message : err);
  process.exit(1);
}
