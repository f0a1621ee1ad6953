// Every bound of the mock, the proxy and the contract CLI, as docs/limits.md must show it: the row's
// name, its flag and option, the tools, and its default from the code (a constant, or, where the code
// keeps it inline, a check of the behaviour at the documented value). test/docs/limits.test.ts holds
// the page to this table.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, vi } from 'vitest';
import { DEFAULT_ANSWER_LIMITS } from '../../src/contract/answer-limits.ts';
import type { SuiteOptions } from '../../src/contract/suite.ts';
import { checkWorkflowOptions } from '../../src/contract/workflows/workflow-suite.ts';
import { startWebhookReceiver } from '../../src/contract/workflows/webhook-receiver.ts';
import { loadContract, loadSpec } from '../../src/kernel/index.ts';
import {
  DEFAULT_MAX_DECODED_BYTES,
  DEFAULT_MAX_DELIVERIES_IN_FLIGHT,
  DEFAULT_MAX_DELIVERIES_QUEUED,
  DEFAULT_SERVER_LIMITS,
  type ServerLimits,
} from '../../src/kernel/server-limits.ts';
import { MAX_BODY_DEPTH } from '../../src/mock/body-depth.ts';
import { contractIdempotencyRetentionMs } from '../../src/mock/idempotency-retention.ts';
import { IMAGE_CACHE_BYTES } from '../../src/mock/media/files.ts';
import { payloadLimits } from '../../src/mock/payload-limits.ts';
import { MAX_STEPS } from '../../src/mock/pipeline/classify.ts';
import { readPreferences } from '../../src/mock/pipeline/preferences.ts';
import {
  DEFAULT_MAX_ACCOUNTS,
  DEFAULT_MAX_CONCURRENT,
  DEFAULT_MAX_IDEMPOTENCY_RECORDS,
  DEFAULT_MAX_JOBS,
  DEFAULT_RATE_LIMIT,
} from '../../src/mock/settings.ts';
import type { MockServerOptions } from '../../src/mock/types.ts';
import { newWebhookSecret, WebhookSender } from '../../src/mock/webhooks.ts';
import { contextOf } from '../../src/proxy/context.ts';
import { HAR_BACKLOG_BYTES } from '../../src/proxy/har-file.ts';
import { DEFAULT_MAX_SARIF_RESULTS } from '../../src/proxy/sarif-file.ts';
import type { ProxyOptions } from '../../src/proxy/types.ts';

export type Tool = 'mock' | 'proxy' | 'contract CLI';
type Unit = 'ms' | 'bytes' | 'count' | 'per minute';

export interface Limit {
  limit: string;
  flag?: string;
  /** The option of the tool's entry point (typed, so that a renamed option fails to compile). */
  option?:
    | keyof MockServerOptions
    | keyof ProxyOptions
    | keyof SuiteOptions
    | `serverLimits.${keyof ServerLimits}`;
  tools: Tool[];
  unit: Unit;
  /** The code's default, or a check that the code holds the documented one. */
  value: number | ((documented: number) => Promise<void>);
}

const MiB = 1024 * 1024;
const HOUR = 3_600_000;

/** A default as the page writes it. */
export function shown(n: number, unit: Unit): string {
  if (unit === 'per minute') return `${n}/min`;
  if (unit === 'ms') return n % HOUR === 0 ? `${n} ms (${n / HOUR} h)` : `${n} ms`;
  return unit === 'bytes' && n % MiB === 0 ? `${n} (${n / MiB} MiB)` : String(n);
}

const serverLimit = (limit: string, key: keyof ServerLimits, unit: Unit, tools: Tool[] = ['mock', 'proxy']) => {
  const flag = key.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);
  return { limit, flag, option: `serverLimits.${key}` as const, tools, unit, value: DEFAULT_SERVER_LIMITS[key] };
};

const listen = async (answer: number): Promise<Server> => {
  const server = createServer((req, res) => (req.resume(), res.writeHead(answer).end()));
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return server;
};
const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
const closing = (server: Server) => new Promise<void>(resolve => server.close(() => resolve()));
const sender = () => new WebhookSender({ secret: newWebhookSecret(), retryDelaysMs: [] });
const EVENT = { type: 'video.generation.completed' };

/** Each attempt waits `ms` for its answer. */
async function deliveryTimeout(ms: number) {
  const receiver = await listen(204);
  const timeout = vi.spyOn(AbortSignal, 'timeout');
  const webhooks = sender();
  try {
    expect((await webhooks.send(urlOf(receiver), EVENT)).state).toBe('delivered');
    expect(timeout).toHaveBeenCalledWith(ms);
  } finally {
    timeout.mockRestore();
    await webhooks.close();
    await closing(receiver);
  }
}

/** `n` records are kept: one more and the oldest goes. */
async function recordsKept(n: number) {
  const webhooks = sender();
  const sent = [];
  for (let i = 0; i <= n; i++) sent.push(await webhooks.send('http://hooks.example.test/', EVENT));
  expect(webhooks.list().map(d => d.webhookId)).toEqual(sent.slice(1).map(d => d.webhookId));
  await webhooks.close();
}

/** `n` attempts are kept of one delivery: one more resend and the oldest resend goes. */
async function attemptsKept(n: number) {
  const receiver = await listen(500);
  const webhooks = sender();
  try {
    const { webhookId } = await webhooks.send(urlOf(receiver), EVENT);
    for (let i = 1; i < n; i++) await webhooks.resend(webhookId);
    expect((await webhooks.resend(webhookId))!.attempts).toHaveLength(n);
    const last = (await webhooks.resend(webhookId))!.attempts;
    expect([last.length, last[0]!.resend, last[1]!.resend]).toEqual([n, undefined, true]);
  } finally {
    await webhooks.close();
    await closing(receiver);
  }
}

/** The suite's webhook receiver takes a body of `n` bytes, and refuses one more with a 413. */
async function receiverBody(n: number) {
  const receiver = await startWebhookReceiver();
  try {
    const post = (bytes: number) => fetch(receiver.url, { method: 'POST', body: Buffer.alloc(bytes, 32) });
    expect((await post(n)).status).toBe(204);
    expect((await post(n + 1)).status).toBe(413);
  } finally {
    await receiver.close();
  }
}

/** `Prefer: latency=` is honoured up to `ms`, and ignored (with a warning) past it. */
async function longestLatency(ms: number) {
  expect(readPreferences(`latency=${ms}`, {})).toMatchObject({ latencyMs: ms, ignored: [] });
  expect(readPreferences(`latency=${ms + 1}`, {})).toMatchObject({ ignored: [`latency=${ms + 1} (ms)`] });
  expect(readPreferences(`latency=${ms + 1}`, {}).latencyMs).toBeUndefined();
}

const payload = payloadLimits(loadContract());
const proxy = contextOf({ upstream: 'http://upstream.test' });
const workflow = checkWorkflowOptions({});

/** The page's groups, in order, each with its rows. */
export const LIMITS: Record<string, Limit[]> = {
  Connections: [
    serverLimit('headers timeout', 'headersTimeoutMs', 'ms'),
    serverLimit('request timeout', 'requestTimeoutMs', 'ms'),
    serverLimit('keep-alive timeout', 'keepAliveTimeoutMs', 'ms'),
    serverLimit('idle timeout', 'idleTimeoutMs', 'ms'),
    serverLimit('connections at once', 'maxConnections', 'count'),
    serverLimit('request body bytes held at once', 'maxBodyBytesInFlight', 'bytes', ['mock']),
  ],
  'What the mock reads': [
    { limit: 'request body', tools: ['mock'], unit: 'bytes', value: payload.request },
    { limit: 'one data-URL image, decoded', tools: ['mock'], unit: 'bytes', value: payload.image },
    { limit: 'body nesting depth', tools: ['mock'], unit: 'count', value: MAX_BODY_DEPTH },
    { limit: '`Prefer: steps=N`', tools: ['mock'], unit: 'count', value: MAX_STEPS },
    { limit: '`Prefer: latency=MS`', tools: ['mock'], unit: 'ms', value: longestLatency },
    {
      limit: 'requests per key',
      flag: 'rate-limit',
      option: 'rateLimit',
      tools: ['mock'],
      unit: 'per minute',
      value: DEFAULT_RATE_LIMIT,
    },
  ],
  'What the mock keeps': [
    { limit: 'accounts', flag: 'max-accounts', option: 'maxAccounts', tools: ['mock'], unit: 'count', value: DEFAULT_MAX_ACCOUNTS },
    { limit: 'video jobs', flag: 'max-jobs', option: 'maxJobs', tools: ['mock'], unit: 'count', value: DEFAULT_MAX_JOBS },
    {
      limit: 'unfinished videos per key',
      flag: 'max-concurrent',
      option: 'maxConcurrent',
      tools: ['mock'],
      unit: 'count',
      value: DEFAULT_MAX_CONCURRENT,
    },
    {
      limit: 'idempotency records',
      option: 'maxIdempotencyRecords',
      tools: ['mock'],
      unit: 'count',
      value: DEFAULT_MAX_IDEMPOTENCY_RECORDS,
    },
    {
      limit: 'idempotency retention',
      option: 'idempotencyRetentionMs',
      tools: ['mock'],
      unit: 'ms',
      value: contractIdempotencyRetentionMs(loadSpec()),
    },
    { limit: 'rendered images cached', tools: ['mock'], unit: 'bytes', value: IMAGE_CACHE_BYTES },
    {
      limit: 'webhook deliveries on the wire',
      flag: 'max-deliveries-in-flight',
      option: 'maxDeliveriesInFlight',
      tools: ['mock'],
      unit: 'count',
      value: DEFAULT_MAX_DELIVERIES_IN_FLIGHT,
    },
    {
      limit: 'webhook deliveries waiting',
      flag: 'max-deliveries-queued',
      option: 'maxDeliveriesQueued',
      tools: ['mock'],
      unit: 'count',
      value: DEFAULT_MAX_DELIVERIES_QUEUED,
    },
    { limit: 'wait for a receiver', tools: ['mock'], unit: 'ms', value: deliveryTimeout },
    { limit: 'webhook deliveries listed', tools: ['mock'], unit: 'count', value: recordsKept },
    { limit: 'attempts listed per delivery', tools: ['mock'], unit: 'count', value: attemptsKept },
  ],
  'What the proxy reads': [
    {
      limit: 'upstream answer time',
      flag: 'upstream-timeout',
      option: 'upstreamTimeoutMs',
      tools: ['proxy'],
      unit: 'ms',
      value: proxy.timeoutMs,
    },
    { limit: 'answer bytes checked', option: 'maxBodyBytes', tools: ['proxy'], unit: 'bytes', value: proxy.maxBodyBytes },
    {
      limit: 'decoded bytes of a compressed answer',
      flag: 'max-decoded-bytes',
      option: 'maxDecodedBytes',
      tools: ['proxy'],
      unit: 'bytes',
      value: DEFAULT_MAX_DECODED_BYTES,
    },
  ],
  'What the proxy keeps': [
    {
      limit: 'SARIF results',
      option: 'maxSarifResults',
      tools: ['proxy'],
      unit: 'count',
      value: DEFAULT_MAX_SARIF_RESULTS,
    },
    { limit: 'HAR bytes waiting for the disk', tools: ['proxy'], unit: 'bytes', value: HAR_BACKLOG_BYTES },
  ],
  'What the contract CLI reads': [
    {
      limit: 'answer time',
      flag: 'timeout',
      option: 'timeoutMs',
      tools: ['contract CLI'],
      unit: 'ms',
      value: DEFAULT_ANSWER_LIMITS.timeoutMs,
    },
    {
      limit: 'answer bytes',
      flag: 'max-answer-bytes',
      option: 'maxAnswerBytes',
      tools: ['contract CLI'],
      unit: 'bytes',
      value: DEFAULT_ANSWER_LIMITS.maxAnswerBytes,
    },
    {
      limit: '`Retry-After` waited out',
      option: 'maxRetryAfterMs',
      tools: ['contract CLI'],
      unit: 'ms',
      value: workflow.maxRetryAfterMs,
    },
    {
      limit: 'wait for a webhook',
      option: 'webhookTimeoutMs',
      tools: ['contract CLI'],
      unit: 'ms',
      value: workflow.webhookTimeoutMs,
    },
    { limit: 'webhook body received', tools: ['contract CLI'], unit: 'bytes', value: receiverBody },
  ],
};
