// Video generations as jobs. A job advances one step per poll, and one step per `stepMs` of time
// (so that a webhook-only client also sees it end): pending, then processing with progress, then
// completed or failed. This table owns the jobs and their progress; who made each one, what it was
// charged and its webhook timer are the state model's (model.ts, ownership.ts).
import { newGenerationId } from '../../kernel/ids.ts';
import {
  jobBody,
  type JobRequest,
  type JobTemplates,
  type Outcome,
  type VideoGeneration,
} from './job-bodies.ts';
import type { JobView } from './view.ts';

/** A job as others read it. */
export interface Job {
  readonly id: string;
  readonly request: JobRequest;
  readonly outcome: Outcome;
  readonly steps: number;
  readonly createdAt: number;
}

/** A job as the table keeps it, and the state file saves it (every field, as plain data). */
export interface JobRecord extends Job {
  polls: number;
  /** Set once its end was reported (or there is nothing to report to). */
  reported: boolean;
}

export interface VideoJobsOptions {
  stepMs: number;
  defaultSteps: number;
  /** Whether a poll moves a job one step on (default), or only time does: real videos take minutes however often they are polled. */
  advanceOnPoll?: boolean;
  now?: () => number;
}

/** What a look at a job saw, and whether it saw the job's end for the first time. */
export interface JobSight {
  body: VideoGeneration;
  endedNow: boolean;
}

/** The jobs, oldest first. */
export class VideoJobs {
  // Insertion-ordered: the first key is the oldest job, dropped first when the table is full.
  readonly #jobs = new Map<string, JobRecord>();
  readonly #now: () => number;

  constructor(
    private readonly templates: JobTemplates,
    private readonly options: VideoJobsOptions,
  ) {
    this.#now = options.now ?? Date.now;
  }

  create(request: JobRequest, outcome: Outcome, steps = this.options.defaultSteps): Job {
    const job: JobRecord = {
      id: newGenerationId('vid'),
      request,
      outcome,
      steps,
      createdAt: this.#now(),
      polls: 0,
      reported: !request.callbackUrl,
    };
    this.#jobs.set(job.id, job);
    return job;
  }

  /** The jobs as plain data, oldest first (for the state file). */
  snapshot = (): readonly JobRecord[] => [...this.#jobs.values()];

  /** Takes back saved jobs, every field as saved: they go on by time from their `createdAt`. */
  restore(saved: readonly JobRecord[]): void {
    for (const record of saved) this.#jobs.set(record.id, { ...record });
  }

  get = (id: string): Job | undefined => this.#jobs.get(id);
  delete = (id: string): boolean => this.#jobs.delete(id);
  oldest = (): Job | undefined => this.#jobs.values().next().value;
  ids = (): string[] => [...this.#jobs.keys()];
  get size(): number {
    return this.#jobs.size;
  }

  /** Whether the job has reached `completed` or `failed` (without moving it). */
  ended = (job: Job): boolean => this.#stage(this.#record(job)) >= job.steps;
  /** When the job ends by time alone, if nobody polls it. */
  endsAt = (job: Job): number => job.createdAt + job.steps * this.options.stepMs;
  /** Whether its end is still to be reported to its callback URL. */
  unreported = (job: Job): boolean => !this.#record(job).reported;

  /** The job's body as it stands, for a reader that neither moves it nor reports it. */
  bodyOf(job: Job): VideoGeneration {
    const record = this.#record(job);
    return jobBody(job.id, job.request, job.outcome, this.#stage(record), job.steps, this.templates);
  }

  /** The job as the state's view shows it. */
  view(job: Job, owner: string | undefined): JobView {
    const { id, steps, createdAt } = job;
    return { id, owner, ended: this.ended(job), steps, createdAt, endsAt: this.endsAt(job) };
  }

  /** The job as this poll sees it; each poll moves it one step on (unless only time does). */
  poll(job: Job): JobSight {
    const record = this.#record(job);
    const stage = this.#stage(record);
    if (this.options.advanceOnPoll !== false) record.polls = Math.min(job.steps, stage + 1);
    return this.#sight(record, stage);
  }

  /** Moves the job `steps` on (to its end by default), as that many polls would. */
  advance(job: Job, steps = job.steps): JobSight {
    const record = this.#record(job);
    record.polls = Math.min(job.steps, this.#stage(record) + steps);
    return this.#sight(record, this.#stage(record));
  }

  /** The job as it is now, without moving it. */
  look = (job: Job): JobSight => {
    const record = this.#record(job);
    return this.#sight(record, this.#stage(record));
  };

  #record(job: Job): JobRecord {
    const record = this.#jobs.get(job.id);
    if (!record) throw new Error(`No job ${job.id}`);
    return record;
  }

  #stage = (job: JobRecord) =>
    Math.min(job.steps, Math.max(job.polls, Math.floor((this.#now() - job.createdAt) / this.options.stepMs)));

  #sight(job: JobRecord, stage: number): JobSight {
    const body = jobBody(job.id, job.request, job.outcome, stage, job.steps, this.templates);
    const endedNow = !job.reported && stage >= job.steps;
    if (endedNow) job.reported = true;
    return { body, endedNow };
  }
}
