// Retry-After where the contract requires it. The codes are those of every response that declares the
// header required (walked here from the response nodes, apart from the mock's reading), and every way
// the mock answers one of them carries it: the test key of the code, the injected fault of the code,
// and the stateful paths (a spent rate window, the concurrency cap). A spec that requires the header of
// one more response makes the mock send it there too.
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../generated/catalogue.ts';
import { loadContract, loadSpec, requireOperation, type Spec } from '../../src/kernel/index.ts';
import { FAULT_KINDS } from '../../src/mock/faults.ts';
import { loadDefaultFixtures } from '../../src/mock/fixtures.ts';
import { createMock } from '../../src/mock/index.ts';
import { retryAfterCodes } from '../../src/mock/retry-after-codes.ts';
import type { Mock, MockOptions, MockOutput } from '../../src/mock/types.ts';
import { operations, resolve } from '../spec/bundle.ts';
import { validator } from './stateful-helpers.ts';

const contract = loadContract();
const mocks: Mock[] = [];
type Answer = Extract<MockOutput, { kind: 'answer' }>;
afterAll(() => Promise.all(mocks.map(m => m.close())));

async function mockWith(options: MockOptions = {}): Promise<Mock> {
  const mock = await createMock({ log: () => {}, stepMs: 60_000, ...options });
  mocks.push(mock);
  return mock;
}

/** One call of the operation with the key (and its first request example as the body), held to the contract. */
async function ask(mock: Mock, operationId: string, key: string, prefer?: string): Promise<Answer> {
  const op = requireOperation(contract, operationId);
  const example = Object.values(op.requestExamples)[0];
  const out = await mock.respond({
    method: op.method,
    target: op.path,
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      ...(prefer ? { prefer } : {}),
    },
    bytes: new TextEncoder().encode(example === undefined ? '' : JSON.stringify(example)),
  });
  if (out.kind !== 'answer') throw new Error(`${operationId}: a transport fault`);
  const body = typeof out.body === 'string' ? JSON.parse(out.body) : out.body;
  const violations = validator.checkResponse({ method: op.method, path: op.path }, { ...out, body });
  expect(violations, `${operationId} as ${key}`).toEqual([]);
  return out;
}

const codeOf = (out: Answer) => (JSON.parse(String(out.body)) as { error?: { code: string } }).error?.code;

/** Every answer the mock gives with `code`: by its test key, its fault, and its stateful path. */
async function answersWith(code: string): Promise<Answer[]> {
  const plain = await mockWith();
  const keys = loadDefaultFixtures().testValues.filter(t => t.kind === 'api_key' && t.error === code);
  const answers = await Promise.all(keys.map(t => ask(plain, t.operation, t.value)));
  if ((FAULT_KINDS as readonly string[]).includes(code))
    answers.push(await ask(plain, 'listModels', 'faults', `fault=${code}`));
  if (code === 'rate_limit') {
    const spent = await mockWith({ rateLimit: 1 });
    await ask(spent, 'listModels', 'window');
    answers.push(await ask(spent, 'listModels', 'window'));
  }
  if (code === 'concurrency_limit') {
    const capped = await mockWith({ maxConcurrent: 1 });
    await ask(capped, 'createVideoGeneration', 'capped');
    answers.push(await ask(capped, 'createVideoGeneration', 'capped'));
  }
  return answers;
}

/** The codes of the responses whose Retry-After header resolves to `required: true`. */
const requiredByContract = [
  ...new Set(
    operations
      .filter(op => !op.webhook)
      .flatMap(op => op.responses)
      .filter(r => resolve(r.node.headers?.['Retry-After'] ?? {}).required === true)
      .flatMap(r => r.codes),
  ),
].sort();

describe('Retry-After, as the contract requires it', () => {
  it("the mock's list is the contract's", () => {
    expect(requiredByContract.length).toBeGreaterThan(0);
    expect(retryAfterCodes(contract)).toEqual(requiredByContract);
  });

  it.each(requiredByContract)('every answer with %s carries Retry-After', async code => {
    const answers = await answersWith(code);
    expect(answers.length).toBeGreaterThan(0);
    for (const out of answers)
      expect({ code: codeOf(out), retryAfter: out.headers['retry-after'] }).toEqual({
        code,
        retryAfter: expect.stringMatching(/^\d+$/),
      });
  });

  it('a spec that requires it of one more response gets it there too', async () => {
    const code: ErrorCode = 'server_error';
    const spec = structuredClone(loadSpec()) as Spec & { components: { responses: Record<string, any> } };
    spec.components.responses.ServerError.headers['Retry-After'] = {
      $ref: '#/components/headers/RetryAfter',
    };
    expect(retryAfterCodes(loadContract(spec))).toEqual([...requiredByContract, code].sort());
    const key = loadDefaultFixtures().testValues.find(t => t.kind === 'api_key' && t.error === code)!;
    const answer = async (options: MockOptions) => {
      const out = await ask(await mockWith(options), key.operation, key.value);
      return { code: codeOf(out), retryAfter: out.headers['retry-after'] };
    };
    expect(await answer({})).toEqual({ code, retryAfter: undefined });
    expect(await answer({ spec })).toEqual({ code, retryAfter: expect.stringMatching(/^\d+$/) });
  });
});
