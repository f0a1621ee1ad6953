// The account ↔ job relation, held here and nowhere else: which key made which video job, what it
// was charged, and whether that charge is still open (the video has not been booked yet). Neither
// an account nor a job names the other; the state model asks this table.
import type { Job, VideoJobs } from './jobs.ts';

export interface Holding {
  readonly key: string;
  readonly job: Job;
  /** What the account was charged for it, in micro-units. */
  readonly cost: number;
}

interface Portfolio {
  readonly all: Map<string, Holding>;
  /** Charged and not yet booked: the videos that count as running. */
  readonly open: Map<string, Holding>;
  /** The earliest time an open one can end by itself: no need to look before then. */
  settleAfter: number;
}

/** One holding as plain data: the job by id, and whether its charge is still open. */
export interface SavedHolding {
  readonly key: string;
  readonly job: string;
  readonly cost: number;
  readonly open: boolean;
}

const NOTHING: ReadonlyMap<string, Holding> = new Map();

export class Ownership {
  readonly #byKey = new Map<string, Portfolio>();
  readonly #byJob = new Map<string, Holding>();

  link(key: string, job: Job, cost: number, endsAt: number): void {
    let portfolio = this.#byKey.get(key);
    if (!portfolio)
      this.#byKey.set(key, (portfolio = { all: new Map(), open: new Map(), settleAfter: Infinity }));
    const holding = { key, job, cost };
    portfolio.all.set(job.id, holding);
    portfolio.open.set(job.id, holding);
    portfolio.settleAfter = Math.min(portfolio.settleAfter, endsAt);
    this.#byJob.set(job.id, holding);
  }

  ownerOf = (jobId: string): string | undefined => this.#byJob.get(jobId)?.key;
  /** The key's open holdings (charged, not yet booked). */
  open = (key: string): ReadonlyMap<string, Holding> => this.#byKey.get(key)?.open ?? NOTHING;
  isOpen = (jobId: string): boolean => {
    const holding = this.#byJob.get(jobId);
    return holding !== undefined && this.open(holding.key).has(jobId);
  };
  /** The job's holding while its charge is open; undefined once booked, or for no such job. */
  openHolding = (jobId: string): Holding | undefined =>
    this.isOpen(jobId) ? this.#byJob.get(jobId) : undefined;
  jobIds = (key: string): string[] => [...(this.#byKey.get(key)?.all.keys() ?? [])];
  settleAfter = (key: string): number => this.#byKey.get(key)?.settleAfter ?? Infinity;

  setSettleAfter(key: string, at: number): void {
    const portfolio = this.#byKey.get(key);
    if (portfolio) portfolio.settleAfter = at;
  }

  /** The video was booked: its charge is no longer open. */
  close(holding: Holding): void {
    this.#byKey.get(holding.key)?.open.delete(holding.job.id);
  }

  /** Forgets one job (dropped from a full table, settled first by the model). */
  unlink(jobId: string): void {
    const holding = this.#byJob.get(jobId);
    if (!holding) return;
    this.#byJob.delete(jobId);
    const portfolio = this.#byKey.get(holding.key);
    portfolio?.all.delete(jobId);
    portfolio?.open.delete(jobId);
  }

  /** The relation as plain data (for the state file). */
  snapshot = (): SavedHolding[] =>
    [...this.#byJob.values()].map(h => ({
      key: h.key,
      job: h.job.id,
      cost: h.cost,
      open: this.isOpen(h.job.id),
    }));

  /** Takes back a saved relation over the restored jobs; a holding of a job not kept is dropped. */
  restore(saved: readonly SavedHolding[], jobs: Pick<VideoJobs, 'get' | 'endsAt'>): void {
    for (const h of saved) {
      const job = jobs.get(h.job);
      if (!job) continue;
      this.link(h.key, job, h.cost, jobs.endsAt(job));
      if (!h.open) this.#byKey.get(h.key)?.open.delete(h.job);
    }
  }

  /** Forgets every job of the key; returns them, for the model to drop. */
  release(key: string): Job[] {
    const portfolio = this.#byKey.get(key);
    this.#byKey.delete(key);
    const jobs = [...(portfolio?.all.values() ?? [])].map(h => h.job);
    for (const job of jobs) this.#byJob.delete(job.id);
    return jobs;
  }
}
