// The package entries of the client, the contract, the proxy and the mock: what they export is the API written for its
// users. Every type a user reads in their declarations is declared (no `ReturnType<typeof ...>` of
// an implementation), and the entries export their API and none of the machinery behind it.
import { describe, expect, it } from 'vitest';
import { declarationsOf, inferredTypes } from './declarations.ts';

// A program over the entries takes 3 s alone, far longer on a loaded machine.
const compileTimeout = 120_000;

describe('the declared public types', () => {
  it(
    'of every package entry name no type by the code that computes it',
    () => {
      const declarations = declarationsOf([
        'src/client/index.ts',
        'src/client/webhooks.ts',
        'src/contract/index.ts',
        'src/proxy/index.ts',
        'src/mock/index.ts',
        'src/mock/msw.ts',
      ]);
      expect([...declarations.keys()]).toEqual(
        expect.arrayContaining([
          'src/client/client.d.ts',
          'src/client/webhooks.d.ts',
          'src/contract/index.d.ts',
          'src/contract/suite.d.ts',
          'src/proxy/types.d.ts',
          'src/mock/types.d.ts',
        ]),
      );
      expect(inferredTypes(declarations)).toEqual([]);
    },
    compileTimeout,
  );

  it('are told from inferred ones (the check above can fail)', () => {
    const declarations = new Map([
      ['a.d.ts', 'export interface Store {\n  get(id: string): Job;\n}'],
      ['b.d.ts', 'export type Store = ReturnType<typeof createStore>;\nexport type Mock = Awaited<Started>;'],
    ]);
    expect(inferredTypes(declarations)).toEqual([
      'b.d.ts: export type Store = ReturnType<typeof createStore>;',
      'b.d.ts: export type Mock = Awaited<Started>;',
    ]);
  });
});

describe('the entries export their API and no machinery', () => {
  it('@mediagen/client: the client, waiting for a video, the retry policy', async () => {
    expect(Object.keys(await import('../../src/client/index.ts')).sort()).toEqual([
      'createClient',
      'defaultRetryPolicy',
      'waitForVideo',
    ]);
    expect(Object.keys(await import('../../src/client/webhooks.ts')).sort()).toEqual([
      'verifyWebhook',
      'webhookTolerance',
    ]);
  });

  it('@mediagen/contract: the validators, the scenarios, the workflows, the suite and the contract they read', async () => {
    // Not the Ajv instance and its schema ids (createSpecAjv, specRef, SPEC_ID), header normalizing,
    // the suite's inner steps, or walking the spec (that is the `@mediagen/contract/spec` entry).
    expect(Object.keys(await import('../../src/contract/index.ts')).sort()).toEqual([
      'ContractViolationError',
      'behaviourScenarios',
      'createContractValidator',
      'forcedScenarios',
      'formatReport',
      'formatViolations',
      'loadContract',
      'loadSpec',
      'loadWorkflows',
      'readContract',
      'runContractSuite',
      'runScenario',
      'send',
    ]);
  });

  it('@mediagen/contract/proxy: starting the proxy', async () => {
    expect(Object.keys(await import('../../src/proxy/index.ts')).sort()).toEqual(['startProxy']);
  });

  it('@mediagen/mock: the server, the core and the in-process fetch; MSW handlers apart', async () => {
    expect(Object.keys(await import('../../src/mock/index.ts')).sort()).toEqual([
      'createMock',
      'createMockFetch',
      'startMockServer',
    ]);
    expect(Object.keys(await import('../../src/mock/msw.ts')).sort()).toEqual([
      'DEFAULT_BASE_URL',
      'createMockHandlers',
    ]);
  });
});
