// Video generations as jobs. A job advances one step per poll, and one step per `stepMs` of time
// (so that a webhook-only client also sees it end): pending, then processing with progress, then
// completed or failed. Bodies come from the contract's own examples with the job's id and model.
import { failureCatalogue, type FailureCode } from '../../generated/catalogue.ts';
import { isObject, type JsonObject, type Operation } from '../kernel/index.ts';
import { newGenerationId } from '../kernel/ids.ts';

export type Outcome = { kind: 'completed' } | { kind: 'failed'; code: FailureCode };

export interface JobRequest {
  model: string;
  /** The API key that created it: the only one that may see it. */
  owner?: string;
  /** The contract's `usage` for the completed video, priced from the fixtures. */
  usage?: JsonObject;
  duration?: number;
  sound?: boolean;
  callbackUrl?: string;
}

export interface Job {
  id: string;
  request: JobRequest;
  outcome: Outcome;
  steps: number;
  createdAt: number;
  polls: number;
  /** Set once the terminal state was reported by webhook (or there is nothing to report to). */
  notified: boolean;
  timer?: NodeJS.Timeout;
}

export type JobBody = JsonObject & { status: 'pending' | 'processing' | 'completed' | 'failed' };

export interface JobStoreOptions {
  maxJobs: number;
  stepMs: number;
  defaultSteps: number;
  /** Whether a poll moves a job one step on (default), or only time does: real videos take minutes however often they are polled. */
  advanceOnPoll?: boolean;
  now?: () => number;
  /** Called once when a job with a callback URL reaches its terminal state. */
  onTerminal?: (job: Job, body: JobBody) => void;
  /** Called when a job is dropped (the store is full, or its account went). */
  onDrop?: (job: Job) => void;
}

/** The examples of GET /v2/videos/generations/{id} that the job bodies are made from. */
export interface JobTemplates {
  completed: JsonObject;
  failures: Partial<Record<string, JsonObject>>;
}

export function jobTemplates(poll: Operation): JobTemplates {
  const examples = Object.values(poll.responses.find(r => r.status === 200)?.examples ?? {}).filter(
    (e): e is JsonObject => isObject(e),
  );
  const completed = examples.find(e => e.status === 'completed');
  if (!completed) throw new Error('The contract has no completed example for getVideoGeneration');
  const failures: Record<string, JsonObject> = {};
  for (const e of examples)
    if (e.status === 'failed' && isObject(e.error)) failures[String(e.error.code)] = e;
  return { completed, failures };
}

/** The example with the job's id (also inside URLs) and model. */
function fromExample(example: JsonObject, job: Job): JsonObject {
  const text = JSON.stringify(example).replaceAll(String(example.id), job.id);
  return { ...(JSON.parse(text) as JsonObject), model: job.request.model };
}

function terminalBody(job: Job, templates: JobTemplates): JobBody {
  if (job.outcome.kind === 'failed') {
    const code = job.outcome.code;
    const example = templates.failures[code];
    if (example) return fromExample(example, job) as JobBody;
    const entry = failureCatalogue[code];
    return {
      id: job.id,
      status: 'failed',
      model: job.request.model,
      error: { code, message: entry.description, retryable: entry.retryable, refunded: true },
    };
  }
  const body = fromExample(templates.completed, job);
  const [media] = Array.isArray(body.data) ? body.data : [];
  if (isObject(media)) {
    if (job.request.duration !== undefined) media.duration = job.request.duration;
    if (job.request.sound !== undefined) media.has_sound = job.request.sound;
  }
  if (job.request.usage) body.usage = job.request.usage;
  else if (
    isObject(body.usage) &&
    isObject(media) &&
    typeof body.usage.unit_price === 'number' &&
    typeof media.duration === 'number'
  ) {
    body.usage.quantity = media.duration;
    body.usage.total_cost = Math.round(body.usage.unit_price * media.duration * 1e6) / 1e6;
  }
  return body as JobBody;
}

export function createJobStore(templates: JobTemplates, options: JobStoreOptions) {
  const now = options.now ?? Date.now;
  // Insertion-ordered: the first key is the oldest job, dropped when the store is full.
  const jobs = new Map<string, Job>();

  const stage = (job: Job) =>
    Math.min(job.steps, Math.max(job.polls, Math.floor((now() - job.createdAt) / options.stepMs)));

  function bodyOf(job: Job, s = stage(job)): JobBody {
    if (s >= job.steps) return terminalBody(job, templates);
    if (s === 0) return { id: job.id, status: 'pending', model: job.request.model };
    return {
      id: job.id,
      status: 'processing',
      model: job.request.model,
      progress: Math.round((s / job.steps) * 100),
    };
  }

  function settle(job: Job, body: JobBody) {
    if (job.notified || (body.status !== 'completed' && body.status !== 'failed')) return;
    job.notified = true;
    clearTimeout(job.timer);
    options.onTerminal?.(job, body);
  }

  function drop(id: string) {
    const job = jobs.get(id);
    if (!job) return;
    clearTimeout(job.timer);
    jobs.delete(id);
    options.onDrop?.(job);
  }

  return {
    create(request: JobRequest, outcome: Outcome, steps = options.defaultSteps): Job {
      while (jobs.size >= options.maxJobs) drop(jobs.keys().next().value!);
      const job: Job = {
        id: newGenerationId('vid'),
        request,
        outcome,
        steps,
        createdAt: now(),
        polls: 0,
        notified: !request.callbackUrl,
      };
      if (request.callbackUrl) {
        job.timer = setTimeout(() => settle(job, bodyOf(job)), steps * options.stepMs + 1);
        job.timer.unref();
      }
      jobs.set(job.id, job);
      return job;
    },
    /** The job's state as this poll sees it; each poll moves it one step on. */
    poll(id: string): JobBody | undefined {
      const job = jobs.get(id);
      if (!job) return undefined;
      const s = stage(job);
      const body = bodyOf(job, s);
      if (options.advanceOnPoll !== false) job.polls = Math.min(job.steps, s + 1);
      settle(job, body);
      return body;
    },
    get: (id: string) => jobs.get(id),
    /** Whether the job has reached `completed` or `failed` (without moving it). */
    ended: (job: Job) => stage(job) >= job.steps,
    /** When the job ends by time alone, if nobody polls it. */
    endsAt: (job: Job) => job.createdAt + job.steps * options.stepMs,
    /** Moves the job `steps` on (to its end by default), as that many polls would. */
    advance(job: Job, steps = job.steps) {
      job.polls = Math.min(job.steps, stage(job) + steps);
      settle(job, bodyOf(job));
    },
    drop,
    get size() {
      return jobs.size;
    },
    close() {
      for (const id of [...jobs.keys()]) drop(id);
    },
  };
}

export type JobStore = ReturnType<typeof createJobStore>;
