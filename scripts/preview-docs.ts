// `npm run docs:preview`: build the docs, then serve build/docs on 127.0.0.1 (PORT, default 8080)
// until interrupted. The page is what GitHub Pages will publish.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from './docs-server.ts';
import { defaultOutDir } from './docs-site.ts';

if (!existsSync(join(defaultOutDir, 'index.html'))) {
  console.error('build/docs/index.html is missing: run `npm run docs` first.');
  process.exit(1);
}
const site = await serveStatic(defaultOutDir, { port: Number(process.env.PORT ?? 8080) });
console.log(`docs: serving build/docs at ${site.url} (Ctrl+C to stop)`);
console.log(`      an error entry, as doc_url links it: ${site.url}#error-quota_exceeded`);
const stop = () => void site.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
