// Where the project lives: its repository, its issue tracker and its docs site. The package
// manifests and pages, the CLIs' banners and --help, and the docs build all read them from here.
export const REPOSITORY_URL = 'https://github.com/mediagen/mediagen-api';
export const ISSUES_URL = `${REPOSITORY_URL}/issues`;
// The contract's externalDocs URL, where every error's doc_url points: one site, one address (a test
// holds the two equal; the docs build writes the CNAME that serves the Pages site there).
export const DOCS_SITE_URL = 'https://docs.mediagen.example/';

/** The title of each public guide (the `# ` heading of its docs/ page): its section on the site. */
export const GUIDE_TITLES = {
  client: 'Typed client',
  mock: 'Mock server',
  testValues: 'Testing against the mock',
  proxy: 'Validating proxy',
  limits: 'Limits',
  contractTests: 'Contract tests',
  ci: 'Contract checks in CI',
  generators: 'Generating code from the contract',
} as const;

/** The anchor Redoc gives a heading of the site's description: lower case, words joined by `-`. */
export const headingSlug = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-');

/** The docs site's section of a guide (a subsection of it, by its heading, if given). */
export const guideUrl = (guide: keyof typeof GUIDE_TITLES, subsection?: string): string =>
  `${DOCS_SITE_URL}#section/${headingSlug(GUIDE_TITLES[guide])}${subsection ? `/${headingSlug(subsection)}` : ''}`;
