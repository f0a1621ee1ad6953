// The page npm shows for each published package (its README.md), from one source: the package table
// (name, description, entries, bins) and, here, what the table does not say: the example a user
// starts from, what each entry is for, and which guides of the docs site tell the rest. The example
// runs as written against a mock at MEDIAGEN_BASE_URL (scripts/packages/pages.ts runs it).
import { DOCS_SITE_URL, GUIDE_TITLES, ISSUES_URL, REPOSITORY_URL, guideUrl } from '../../src/kernel/links.ts';
import type { PackageSpec } from './table.ts';

type Guide = keyof typeof GUIDE_TITLES;

export interface PackagePage {
  /** `-D` for a package used in development and tests only. */
  dev: boolean;
  /** Plain ESM JavaScript (valid TypeScript too), run as is by `npm run test:packages`. */
  example: string;
  /** What its last line prints when it works. */
  prints: RegExp;
  /** Export subpath (and bin name) → what it is for. */
  entries: Record<string, string>;
  guides: Guide[];
  /** Links into a guide's subsections: text → URL. */
  sections?: Record<string, string>;
}

const BASE_URL = `const baseUrl = process.env.MEDIAGEN_BASE_URL ?? 'http://127.0.0.1:4010'; // e.g. npx mediagen-mock`;

export const pages: Record<string, PackagePage> = {
  client: {
    dev: false,
    example: `import { createClient } from '@mediagen/client';

${BASE_URL}
const client = createClient({ baseUrl, apiKey: 'mg_test_no_credits' }); // a test value: no credits

const image = await client.POST('/v2/images/generations', {
  body: { model: 'seedream-5-lite', prompt: 'a lighthouse at dawn' },
});
if (image.data) console.log(\`image: \${image.data.data[0]?.url}\`);
else if (image.error.kind === 'api' && image.error.code === 'quota_exceeded')
  console.log(\`not enough credits: need \${image.error.required}, have \${image.error.available}\`);
else console.log(\`\${image.error.kind}: \${image.error.message}\`);`,
    prints: /^not enough credits: need [\d.]+, have [\d.]+$/,
    entries: {
      '.': '`createClient`, the typed errors, `waitForVideo`',
      './webhooks': '`verifyWebhook`, for the server that receives webhooks (Node)',
      './catalogue':
        'the error catalogue as data: `errorCatalogue`, `failureCatalogue`, `errorCodes`, `failureCodes`, `retryableErrorCodes`, `retryableStatuses`, `docsUrl` (no single `catalogue` export)',
      './schema': 'the generated types: `paths`, `components`, `webhooks`',
    },
    guides: ['client'],
  },
  contract: {
    dev: true,
    example: `import { createContractValidator } from '@mediagen/contract';

${BASE_URL}
const contract = createContractValidator();
const res = await fetch(\`\${baseUrl}/v2/billing/balance\`, { headers: { authorization: 'Bearer mg_test_123' } });
const problems = contract.checkResponse('getBalance', { status: res.status, headers: res.headers, body: await res.json() });
console.log(problems.length === 0 ? 'the answer keeps the contract' : problems);`,
    prints: /^the answer keeps the contract$/,
    entries: {
      '.': '`createContractValidator`, `runContractSuite`: responses and webhooks checked against the contract',
      './spec': 'the spec walker: the bundle as data (operations, responses, examples)',
      './proxy': '`startProxy`: the validating proxy in code',
      './openapi.json': 'the bundled contract (OpenAPI 3.1, JSON)',
      './openapi.yaml': 'the bundled contract (OpenAPI 3.1, YAML)',
      './workflows.arazzo.yaml':
        "the contract's workflows (Arazzo 1.0), for `redocly respect` and other runners",
      './workflows.arazzo.json': 'the same workflows as JSON, as the contract suite reads them',
      'mediagen-contract':
        '`mediagen-contract test <url>` (the contract suite), `mediagen-contract proxy <url>`',
    },
    guides: ['contractTests', 'proxy'],
  },
  mock: {
    dev: true,
    example: `import { createMockFetch, startMockServer } from '@mediagen/mock';

const mockFetch = createMockFetch(); // in-process: no port
const res = await mockFetch('https://api.mediagen.example/v2/billing/balance', {
  headers: { authorization: 'Bearer mg_test_123' },
});
const server = await startMockServer({ port: 0, log: () => {} }); // a server on a free port
console.log(\`\${res.status} \${(await res.json()).currency}; a server at \${server.url}\`);
await server.close();`,
    prints: /^200 [A-Z]{3}; a server at http:\/\/127\.0\.0\.1:\d+$/,
    entries: {
      '.': '`startMockServer`, `createMockFetch`, `createMock` and their types',
      './msw': '`createMockHandlers`: MSW 2.x handlers (msw is an optional peer)',
      'mediagen-mock': '`npx mediagen-mock`: the mock server (`--help` lists its options)',
    },
    guides: ['mock', 'testValues'],
    sections: { 'Test suites: one mock per run, a key per test': guideUrl('mock', 'Test suites') },
  },
};

function pageOf(spec: PackageSpec): PackagePage {
  const page = pages[spec.dir];
  if (!page) throw new Error(`${spec.name}: no package page in scripts/packages/readme.ts`);
  const entries = [...Object.keys(spec.exports), ...Object.keys(spec.bin ?? {})];
  const undocumented = entries.filter(e => !page.entries[e]);
  if (undocumented.length)
    throw new Error(
      `${spec.name}: entries without a line in scripts/packages/readme.ts: ${undocumented.join(', ')}`,
    );
  return page;
}

/** The package's README.md. */
export function packageReadme(spec: PackageSpec): string {
  const page = pageOf(spec);
  const entry = (e: string) =>
    e.startsWith('.') ? `\`${e === '.' ? spec.name : `${spec.name}/${e.slice(2)}`}\`` : `bin \`${e}\``;
  return (
    [
      `# ${spec.name}`,
      spec.description,
      `\`\`\`sh\nnpm install ${page.dev ? '-D ' : ''}${spec.name}\n\`\`\``,
      `Before the first release, install it from a clone of the repository: \`npm run pack:local\` packs the three packages and prints the \`npm install\` line ([how](${REPOSITORY_URL}#trying-the-packages-before-a-release)).`,
      '## Example',
      `\`\`\`js\n${page.example}\n\`\`\``,
      '## Entries',
      [
        '| entry | what it is |',
        '|---|---|',
        ...Object.entries(page.entries).map(([e, what]) => `| ${entry(e)} | ${what} |`),
      ].join('\n'),
      '## Docs',
      [
        ...page.guides.map(g => `- [${GUIDE_TITLES[g]}](${guideUrl(g)})`),
        ...Object.entries(page.sections ?? {}).map(([text, url]) => `- [${text}](${url})`),
        `- [The API reference and the error catalogue](${DOCS_SITE_URL})`,
        `- [Repository](${REPOSITORY_URL}), [issues](${ISSUES_URL})`,
      ].join('\n'),
    ].join('\n\n') + '\n'
  );
}
