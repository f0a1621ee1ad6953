// `npm run changelog -- [base]`: this release's section of CHANGELOG.md, from the diff against
// `base` (default as for `npm run diff`), headed by info.version. With no base given and no release
// tag yet, it is the first release.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newestReleaseTag } from '../src/diff/base.ts';
import { renderRelease, withRelease } from '../src/diff/changelog.ts';
import { compareWithBase } from '../src/diff/compare.ts';
import { root } from './root.ts';

const [ref] = process.argv.slice(2).filter(arg => !arg.startsWith('-'));
try {
  const { ref: base, head, changes } = await compareWithBase(root, ref);
  const version = String((head.info as Record<string, unknown>).version);
  const first = !ref && !newestReleaseTag(root);
  const section = renderRelease(changes, head, {
    version,
    date: new Date().toISOString().slice(0, 10),
    ...(first ? {} : { base }),
  });
  const file = join(root, 'CHANGELOG.md');
  await writeFile(file, withRelease(await readFile(file, 'utf8').catch(() => ''), section, version));
  console.log(
    `CHANGELOG.md: ${version}, ${first ? 'the first release' : `${changes.length} change(s) since ${base}`}`,
  );
} catch (err) {
  console.error((err as Error).message ?? err);
  process.exit(1);
}
