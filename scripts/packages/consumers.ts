// What a user writes against each installed package: a plain Node ESM script (run as is, no tsx)
// and a TypeScript file that must type-check under --strict with node16 and bundler resolution.
// The statuses they must see are read from the catalogue, not typed again.
import { errorCatalogue } from '../../generated/catalogue.ts';

const status = (code: keyof typeof errorCatalogue) => errorCatalogue[code].status;

/** Node: the client against the mock gets a typed error back (and data where the call is valid). */
export const clientScript = `
import { createClient } from '@mediagen/client';
import { errorCatalogue } from '@mediagen/client/catalogue';
import { verifyWebhook } from '@mediagen/client/webhooks';
const client = createClient({ apiKey: 'mg_test_packages', baseUrl: process.argv[2], maxRetries: 0 });
const balance = await client.GET('/v2/billing/balance');
const missing = await client.POST('/v2/images/generations', { body: { model: 'seedream-5-lite' } });
const quota = await client.POST('/v2/images/generations', {
  body: { model: 'seedream-5-lite', prompt: 'a lighthouse' },
  headers: { Prefer: 'code=402' },
});
const hook = verifyWebhook('whsec_' + Buffer.from('secret').toString('base64'), '{}', {});
console.log(JSON.stringify({
  balance: typeof balance.data?.balance,
  missing: { kind: missing.error?.kind, code: missing.error?.code, status: missing.error?.status, param: missing.error?.param, isError: missing.error instanceof Error },
  quota: { code: quota.error?.code, status: quota.error?.status, catalogue: errorCatalogue.quota_exceeded.status, retryable: quota.error?.retryable },
  webhook: hook.error?.kind,
}));
`;

export const clientExpected = {
  balance: 'number',
  missing: {
    kind: 'api',
    code: 'parameter_missing',
    status: status('parameter_missing'),
    param: 'prompt',
    isError: true,
  },
  quota: {
    code: 'quota_exceeded',
    status: status('quota_exceeded'),
    catalogue: status('quota_exceeded'),
    retryable: errorCatalogue.quota_exceeded.retryable,
  },
  webhook: 'webhook',
};

/** Node: the contract's entries load, and the bundle it ships is the one whose version it carries. */
export const contractScript = `
import { createContractValidator } from '@mediagen/contract';
import { loadSpec } from '@mediagen/contract/spec';
import spec from '@mediagen/contract/openapi.json' with { type: 'json' };
import pkg from '@mediagen/contract/package.json' with { type: 'json' };
const validator = createContractValidator();
const bad = validator.checkResponse('getBalance', { status: 200, headers: {}, body: { balance: 'lots' } });
console.log(JSON.stringify({ version: spec.info.version === pkg.version, walker: loadSpec().info.version === pkg.version, caught: bad.length > 0 }));
`;

export const contractExpected = { version: true, walker: true, caught: true };

/** TypeScript: the client's types narrow errors by kind and code, and reject unknown paths. */
export const clientTypes = `
import { createClient, waitForVideo, type MediagenError, type WaitError } from '@mediagen/client';
import { verifyWebhook } from '@mediagen/client/webhooks';
import { errorCatalogue } from '@mediagen/client/catalogue';
import type { paths } from '@mediagen/client/schema';

const client = createClient({ apiKey: 'mg_test', baseUrl: 'http://127.0.0.1:4010' });

function explain(error: MediagenError | WaitError): string {
  switch (error.kind) {
    case 'api':
      return error.code === 'quota_exceeded' ? \`need \${error.required} \${error.currency}\` : error.code;
    case 'invalid_response':
      return error.reason;
    default:
      return error.message;
  }
}

export async function balance(): Promise<string> {
  const result = await client.GET('/v2/billing/balance');
  return result.error ? explain(result.error) : \`\${result.data.balance} \${result.data.currency}\`;
}

export async function video(id: string): Promise<string | undefined> {
  const done = await waitForVideo(client, id, { interval: 1000, timeout: 60_000 });
  return done.error ? explain(done.error) : done.data.data[0]?.url;
}

type Balance = paths['/v2/billing/balance']['get']['responses'][200]['content']['application/json'];
export const sample: Balance['currency'] = 'USD';
export const quotaStatus: 402 = errorCatalogue.quota_exceeded.status;
export const hook = verifyWebhook('whsec_c2VjcmV0', '{}', {});
// @ts-expect-error a path outside the contract is a type error
void client.GET('/v2/nope');
`;

/** TypeScript: the contract's validator, suite and proxy as a backend team calls them. */
export const contractTypes = `
import { createContractValidator, runContractSuite, formatReport, type Violation } from '@mediagen/contract';
import { loadSpec, type Contract } from '@mediagen/contract/spec';
import { startProxy, type ProxyOptions, type ProxyReport, type ReportRecord, type ValidatingProxy } from '@mediagen/contract/proxy';

const validator = createContractValidator();
export const violations: Violation[] = validator.checkResponse('getBalance', { status: 200, headers: {}, body: {} });
export const contract: Contract = validator.contract;
export const title: unknown = loadSpec().info;
export const report = async (baseUrl: string) => formatReport(await runContractSuite({ baseUrl, apiKey: 'mg_test' }));

const options: ProxyOptions = { upstream: 'https://staging.example', port: 0, strict: true, validator, log: () => {} };
export async function staging(): Promise<string> {
  const proxy: ValidatingProxy = await startProxy(options);
  const counts: ProxyReport = proxy.report;
  // @ts-expect-error the report's writer (add, close) is the proxy's own, not part of its public type
  void counts.add;
  await proxy.close();
  return \`\${proxy.url} \${counts.checked} \${counts.summary()}\`;
}
export const line = (r: ReportRecord): string => \`\${r.operation ?? '(none)'} \${r.kind} \${r.action}\`;
`;

/** TypeScript: the mock as a test suite starts it. */
export const mockTypes = `
import { createMockFetch, startMockServer, type MockFetch, type MockServer } from '@mediagen/mock';

export const unitFetch: MockFetch = createMockFetch({ balance: '5.00', rateLimit: 60 });

export async function withMock(use: (url: string) => Promise<void>): Promise<void> {
  const server: MockServer = await startMockServer({ port: 0, log: () => {} });
  try {
    await use(server.url);
  } finally {
    await server.close();
  }
}
`;

/** Node: the mock's in-process fetch (no port) answers like the server, over the same state model. */
export const mockScript = `
import { createMockFetch } from '@mediagen/mock';
const mockFetch = createMockFetch({ balance: '1.00' });
const auth = { authorization: 'Bearer mg_test_packages', 'content-type': 'application/json' };
const image = await mockFetch('https://api.mediagen.example/v2/images/generations', { method: 'POST', headers: auth, body: JSON.stringify({ model: 'seedream-5-lite', prompt: 'a lighthouse' }) });
const balance = await (await mockFetch('https://api.mediagen.example/v2/billing/balance', { headers: auth })).json();
const unknown = await mockFetch('https://api.mediagen.example/v2/images/generations', { method: 'POST', headers: auth, body: JSON.stringify({ model: 'nope', prompt: 'x' }) });
console.log(JSON.stringify({ image: image.status, charged: 1 - balance.balance > 0, unknownModel: [unknown.status, (await unknown.json()).error.code] }));
await mockFetch.close();
`;

export const mockExpected = { image: 200, charged: true, unknownModel: [status('not_found'), 'not_found'] };

/** The entry the browser page loads: the installed client, called against the mock. */
export const browserEntry = `
import { createClient } from '@mediagen/client';
window.runClient = async (baseUrl) => {
  const client = createClient({ apiKey: 'mg_test_browser', baseUrl, maxRetries: 0 });
  const balance = await client.GET('/v2/billing/balance');
  const missing = await client.POST('/v2/images/generations', { body: { model: 'seedream-5-lite' } });
  return { balance: typeof balance.data?.balance, error: { kind: missing.error?.kind, code: missing.error?.code, status: missing.error?.status } };
};
`;

export const browserExpected = {
  balance: 'number',
  error: { kind: 'api', code: 'parameter_missing', status: status('parameter_missing') },
};

/** The two tsconfigs a consumer may have: Node's own resolution, and a bundler's. */
export function consumerTsconfigs(typeRoots: string): Record<string, object> {
  const common = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: 'ES2022',
    typeRoots: [typeRoots],
    types: ['node'],
  };
  return {
    'tsconfig.node16.json': {
      compilerOptions: { ...common, module: 'node16', moduleResolution: 'node16', lib: ['ES2022'] },
      files: ['consumer.ts'],
    },
    'tsconfig.bundler.json': {
      compilerOptions: { ...common, module: 'esnext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'] },
      files: ['consumer.ts'],
    },
  };
}
