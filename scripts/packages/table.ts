// The table of the published packages that build-dist writes (scripts/build-dist.ts): each package's
// entries, bins and dependencies. Adding an export, a bin or a dependency is one line here.

/** One published package: its entries (source files, by export subpath), bins and dependencies. */
export interface PackageSpec {
  name: string;
  /** The folder under dist/. */
  dir: string;
  description: string;
  keywords: string[];
  /** Export subpath → source file (a .ts module, or an asset shipped as it is). */
  exports: Record<string, string>;
  bin?: Record<string, string>;
  /** Names only: the version ranges are the root package.json's (siblings: the exact version). */
  dependencies: string[];
  /** Optional peer dependencies (ranges from the root package.json too), e.g. msw for a ./msw entry. */
  optionalPeers?: string[];
}

export const packages: PackageSpec[] = [
  {
    name: '@mediagen/client',
    dir: 'client',
    description:
      'Typed client for the Mediagen API (browsers and Node 20+): typed calls and errors, retries, waitForVideo; webhook verification in /webhooks.',
    keywords: ['mediagen', 'api-client', 'openapi'],
    exports: {
      '.': 'src/client/index.ts',
      './webhooks': 'src/client/webhooks.ts',
      './catalogue': 'generated/catalogue.ts',
      './schema': 'generated/schema.ts',
    },
    dependencies: ['openapi-fetch', 'openapi-typescript-helpers', 'standardwebhooks'],
  },
  {
    name: '@mediagen/contract',
    dir: 'contract',
    description:
      'The Mediagen API contract: the bundled OpenAPI 3.1 spec, validators for responses and webhooks, the contract suite and a validating proxy for real traffic, with their CLI.',
    keywords: ['mediagen', 'openapi', 'contract-testing'],
    exports: {
      '.': 'src/contract/index.ts',
      './spec': 'src/kernel/index.ts',
      './proxy': 'src/proxy/index.ts',
      './openapi.json': 'generated/openapi.json',
      './openapi.yaml': 'generated/openapi.yaml',
      './workflows.arazzo.yaml': 'generated/workflows.arazzo.yaml',
      './workflows.arazzo.json': 'generated/workflows.arazzo.json',
    },
    bin: { 'mediagen-contract': 'src/contract/cli.ts' },
    dependencies: ['ajv', 'ajv-formats', 'standardwebhooks'],
  },
  {
    name: '@mediagen/mock',
    dir: 'mock',
    description:
      'Mock of the Mediagen API on Prism: a stateful simulator (accounts, models, credits, limits, idempotency, test values) as a server, an in-process fetch and MSW handlers.',
    keywords: ['mediagen', 'mock-server', 'openapi'],
    exports: {
      '.': 'src/mock/index.ts',
      './msw': 'src/mock/msw.ts',
    },
    bin: { 'mediagen-mock': 'src/mock/cli.ts' },
    dependencies: [
      '@mediagen/contract',
      '@stoplight/prism-cli',
      '@stoplight/prism-core',
      '@stoplight/prism-http',
      '@stoplight/prism-http-server',
      'ajv',
      'standardwebhooks',
    ],
    optionalPeers: ['msw'],
  },
];
