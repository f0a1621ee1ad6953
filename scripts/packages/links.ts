// The manifest fields that say where a package comes from: its repository, its docs site and its
// issue tracker, from the one set of project links (src/kernel/links.ts).
import { DOCS_SITE_URL, ISSUES_URL, REPOSITORY_URL } from '../../src/kernel/links.ts';

export const packageLinks = {
  repository: { type: 'git', url: `git+${REPOSITORY_URL}.git` },
  homepage: DOCS_SITE_URL,
  bugs: { url: ISSUES_URL },
};
