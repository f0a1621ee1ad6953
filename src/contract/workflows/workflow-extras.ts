// What the suite adds to a workflow where Arazzo cannot say it (the file's comments point here):
// balance arithmetic, a wait that honours Retry-After, and a webhook received and verified.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ContractValidator, Violation } from '../validate.ts';
import { isObject } from '../../kernel/json.ts';
import { headerKind } from '../violation-kind.ts';
import { fellBy, unchanged, usageAddsUp } from './balance-checks.ts';
import type { BeforeStep, WorkflowRun } from './run-workflow.ts';
import { startWebhookReceiver } from './webhook-receiver.ts';

export interface ExtraSettings {
  validator: ContractValidator;
  /** The server's webhook signing secret (`whsec_…`). */
  webhookSecret?: string;
  /** The longest Retry-After the suite waits out (ms); a longer one is reported. */
  maxRetryAfterMs: number;
  /** How long the suite waits for a webhook after the video ended (ms). */
  webhookTimeoutMs: number;
}

export interface Extra {
  /** Inputs the suite sets for the workflow (its receiver's URL). */
  inputs?: Record<string, string>;
  beforeStep?: BeforeStep;
  /** Checks once the workflow completed. */
  after?: (run: WorkflowRun) => Promise<Violation[]>;
  close?: () => Promise<void>;
}

/** The wait a Retry-After header asks for in ms (delta-seconds or an HTTP date), else undefined. */
function retryAfterMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const waitRetryAfter =
  (settings: ExtraSettings, limited: string, retried: string): BeforeStep =>
  async (stepId, run) => {
    if (stepId !== retried) return [];
    const header = run.responses[limited]?.headers['retry-after'];
    const ms = retryAfterMs(header);
    const where = `step ${limited}: header Retry-After`;
    if (ms === undefined)
      return [
        {
          kind: headerKind('bad header', 'Retry-After'),
          where,
          message: `${JSON.stringify(header)} is not a number of seconds or a date`,
        },
      ];
    if (ms > settings.maxRetryAfterMs)
      return [
        {
          kind: 'Retry-After longer than the suite waits',
          where,
          message: `${header} is longer than the suite waits (${settings.maxRetryAfterMs} ms)`,
        },
      ];
    await sleep(ms);
    return [];
  };

/** The body as JSON; undefined when it is not (checkWebhook reports that). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function webhookExtra(settings: ExtraSettings): Promise<Extra> {
  const receiver = await startWebhookReceiver();
  return {
    inputs: { callback_url: receiver.url },
    close: receiver.close,
    after: async run => {
      const where = 'webhook';
      const got = await receiver.first(settings.webhookTimeoutMs).catch((error: Error) => error);
      if (got instanceof Error) return [{ kind: 'no webhook delivery', where, message: got.message }];
      const headers = Object.fromEntries(Object.entries(got.headers).map(([k, v]) => [k, String(v)]));
      const out = settings.validator
        .checkWebhook({ headers, body: got.body, secret: settings.webhookSecret })
        .map(v => ({ ...v, where: `${where} ${v.where}` }));
      const event = parseJson(got.body);
      const id = isObject(event) && isObject(event.data) ? event.data.id : undefined;
      const created = run.ctx.steps.create?.outputs.id;
      if (id !== created)
        out.push({
          kind: 'webhook for another generation',
          where: `${where} body/data/id`,
          message: `${JSON.stringify(id)} is not the video created, ${created}`,
        });
      return out;
    },
  };
}

/** The suite's part of each workflow, by workflowId. */
export const extras: Record<string, (settings: ExtraSettings) => Promise<Extra>> = {
  'image-charges-balance': async () => ({
    after: async run => fellBy(run, 'generate', 'usage.total_cost of the image says'),
  }),
  'video-completes': async () => ({ after: async run => usageAddsUp(run, 'poll') }),
  'video-fails-refunded': async () => ({
    after: async run => unchanged(run, 'a failed video with refunded: true must be refunded in full'),
  }),
  'idempotent-replay-charged-once': async () => ({
    after: async run => fellBy(run, 'first', 'one generation costs: a replay must not be charged again'),
  }),
  'rate-limit-waited-out': async settings => ({ beforeStep: waitRetryAfter(settings, 'limited', 'again') }),
  'webhook-delivered': webhookExtra,
};
