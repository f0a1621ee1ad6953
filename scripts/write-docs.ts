// `npx tsx scripts/write-docs.ts`: writes the generated parts of docs/ (scripts/docs-generated.ts).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatedDocs, GeneratedDocsError, staleDocs } from './docs-generated.ts';
import { root } from './root.ts';

try {
  const stale = await staleDocs();
  for (const [path, text] of await generatedDocs())
    if (stale.includes(path)) await writeFile(join(root, path), text);
  console.log(
    stale.length ? `write-docs: updated ${stale.join(', ')}` : 'write-docs: docs/ was already current.',
  );
} catch (err) {
  console.error(err instanceof GeneratedDocsError ? `write-docs: ${err.message}` : err);
  process.exit(1);
}
