// The code samples of the docs site, planned from the contract and the fixtures table: for each
// operation its minimal call and one error case made with a test value of the mock (a key, a model,
// an id). scripts/docs-sample-code.ts writes each plan as curl, TypeScript and fetch, and
// test/docs/samples.test.ts runs every sample against the mock: no value here is typed twice.
import { errorCatalogue, type ErrorCode } from '../generated/catalogue.ts';
import { readContract, type Operation, type Spec } from '../src/kernel/contract.ts';
import type { Fixtures, ModelType, TestValue } from '../src/mock/fixtures.ts';
import { minimalBody, TEST_VALUE_ROUTES, tryRequest } from '../src/mock/test-value-requests.ts';

/** Where the samples send requests: the mock's default address (`npx mediagen-mock`). */
export const SAMPLE_BASE_URL = 'http://127.0.0.1:4010';

export interface SampleCall {
  /** What the call shows: a comment above it. */
  title: string;
  method: 'GET' | 'POST';
  /** The path as the contract writes it (`/v2/videos/generations/{id}`). */
  path: string;
  /** The `{id}` of the path: a test value, or undefined for the video the sample starts first. */
  id?: string;
  /** A test key of the fixtures; without one the reader's key (MEDIAGEN_API_KEY) is sent. */
  key?: string;
  body?: Record<string, unknown>;
  /** The status the call gets from the mock, and the error code when it is an error. */
  status: number;
  code?: ErrorCode;
}

export interface SamplePlan {
  operationId: string;
  /** The minimal call, then the error case. */
  calls: [SampleCall, SampleCall];
  /** The body of the video the minimal call polls, when the path takes an `{id}`. */
  start?: Record<string, unknown>;
  /** The operation that starts that video. */
  startPath?: string;
}

const typeOf = (op: Operation): ModelType | undefined =>
  Object.values(TEST_VALUE_ROUTES).find(r => r.method === op.method && r.path === op.path)?.type;

/** The error case: the operation's first test value with a non-retryable error (retrying one would
 * only slow the sample down), else the first test key that any operation answers with its error. */
function errorValue(op: Operation, fixtures: Fixtures): TestValue {
  const declared = new Set(op.responses.flatMap(r => r.errorCodes));
  const usable = (t: TestValue) =>
    t.error !== undefined &&
    !errorCatalogue[t.error].retryable &&
    declared.has(t.error) &&
    // Kinds a typed call can send: no raw body, no extra header.
    ['api_key', 'model', 'prompt_tag', 'generation_id'].includes(t.kind);
  const found =
    fixtures.testValues.find(t => t.operation === op.operationId && usable(t)) ??
    fixtures.testValues.find(t => t.kind === 'api_key' && t.operation === 'listModels' && usable(t));
  if (!found) throw new Error(`the fixtures have no test value that shows an error of ${op.operationId}`);
  return found;
}

function errorCall(op: Operation, t: TestValue, fixtures: Fixtures): SampleCall {
  const code = t.error!;
  const r = tryRequest(t, fixtures);
  // The row's request is made for the operation it names; a test key shows the same on any operation.
  const type = typeOf(op);
  const body = r.body !== undefined && t.operation === op.operationId ? JSON.parse(r.body) : undefined;
  return {
    title: `${errorCatalogue[code].status} ${code}, with the mock's test value ${t.value} (${t.note})`,
    method: op.method as SampleCall['method'],
    path: op.path,
    ...(t.kind === 'generation_id' ? { id: t.value } : {}),
    ...(r.key !== undefined ? { key: r.key } : {}),
    ...(type ? { body: body ?? minimalBody(fixtures, type) } : {}),
    status: errorCatalogue[code].status,
    code,
  };
}

/** The plan of one operation. */
function samplePlan(op: Operation, fixtures: Fixtures): SamplePlan {
  const success = op.responses.find(r => r.status < 300);
  if (!success) throw new Error(`${op.operationId} declares no success response`);
  const type = typeOf(op);
  if (op.hasRequestBody && !type) throw new Error(`${op.operationId} takes a body the samples cannot make`);
  const minimal: SampleCall = {
    title: `${op.method} ${op.path}: ${success.status}`,
    method: op.method as SampleCall['method'],
    path: op.path,
    ...(type ? { body: minimalBody(fixtures, type) } : {}),
    status: success.status,
  };
  const plan: SamplePlan = {
    operationId: op.operationId,
    calls: [minimal, errorCall(op, errorValue(op, fixtures), fixtures)],
  };
  if (op.pathParams.length) {
    // A generation id must be one the reader started: the sample starts a video first.
    const start = Object.values(TEST_VALUE_ROUTES).find(r => r.method === 'POST' && r.type === 'video')!;
    plan.start = minimalBody(fixtures, 'video');
    plan.startPath = start.path;
  }
  return plan;
}

/** Every operation's plan, in the contract's order. */
export const samplePlans = (spec: Spec, fixtures: Fixtures): SamplePlan[] =>
  readContract(spec).operations.map(op => samplePlan(op, fixtures));
