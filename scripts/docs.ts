// `npm run docs`: build the docs site into build/docs/ (not committed; published by .github/workflows/docs.yml).
import { relative } from 'node:path';
import { DocsBuildError, buildDocs, root } from './docs-site.ts';

try {
  const started = Date.now();
  const site = await buildDocs(process.argv[2]);
  console.log(
    `docs: ${relative(root, site.file)} (${Math.round(site.bytes / 1024)} KiB), ` +
      `${site.errorCodes} error codes and ${site.failureCodes} video failure codes, in ${Date.now() - started} ms`,
  );
} catch (err) {
  console.error(err instanceof DocsBuildError ? err.message : err);
  process.exit(1);
}
