// The mock's one state model: the accounts, the video jobs, the account ↔ job relation, the
// idempotency records and the webhook deliveries, with the invariants between them kept here and
// only here. Each change is one named method: an account is made on first use and the least
// recently used evicted with its jobs; a charge is taken once, when a generation is accepted; an
// ended video is booked once (`#book`: a failed one refunded as its code says); a job dropped from
// a full table is settled first (booked if it ended, else refunded in full). Readers get `view`,
// which changes nothing. `snapshot` and `restore` carry every table as plain data, for the state file.
import type { FaultSettings } from '../faults.ts';
import { nextWindow, type RateCount } from '../limits.ts';
import type { WebhookSender } from '../webhooks.ts';
import { videoEvent } from '../webhooks/event.ts';
import { AccountTable, charge, refund, type Account, type AccountRecord } from './accounts.ts';
import {
  createIdempotencyStore,
  type IdempotencyCheck,
  type IdempotencyStore,
  type StoredAnswer,
} from './idempotency.ts';
import { refundsOnFailure, type JobRequest, type JobTemplates, type Outcome } from './job-bodies.ts';
import { VideoJobs, type Job, type JobSight } from './jobs.ts';
import { Ownership, type Holding } from './ownership.ts';
import { STATE_VERSION, type StateSnapshot } from './snapshot.ts';
import { booksOf, type AccountBooks, type MockStateView } from './view.ts';
import { MAX_TIMER_MS } from '../../kernel/timer.ts';

export interface MockStateOptions {
  templates: JobTemplates;
  currency: string;
  /** The starting balance of a new account with this key, in micro-units. */
  startFor(key: string): number;
  maxAccounts: number;
  maxJobs: number;
  stepMs: number;
  defaultSteps: number;
  advanceOnPoll: boolean;
  retentionMs: number;
  maxIdempotencyRecords: number;
  /** Delivers the webhook of a job that ended, and keeps the deliveries' records. */
  sender: WebhookSender;
  now?: () => number;
}

export class MockState {
  readonly view: MockStateView;
  /** The webhook deliveries: send, resend, list (the sender keeps their records). */
  readonly deliveries: WebhookSender;
  readonly #accounts = new AccountTable();
  readonly #jobs: VideoJobs;
  readonly #owners = new Ownership();
  readonly #idempotency: IdempotencyStore;
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #now: () => number;

  constructor(private readonly options: MockStateOptions) {
    this.#now = options.now ?? Date.now;
    this.deliveries = options.sender;
    this.#jobs = new VideoJobs(options.templates, { ...options, now: this.#now });
    this.#idempotency = createIdempotencyStore({
      retentionMs: options.retentionMs,
      maxRecords: options.maxIdempotencyRecords,
      now: this.#now,
    });
    this.view = {
      account: key => {
        const account = this.#accounts.peek(key);
        return account && this.#books(account);
      },
      job: id => {
        const job = this.#jobs.get(id);
        return job && this.#jobs.view(job, this.#owners.ownerOf(id));
      },
      deliveries: () => options.sender.list(),
      sizes: () => ({
        accounts: this.#accounts.size,
        jobs: this.#jobs.size,
        idempotencyRecords: this.#idempotency.size,
      }),
    };
  }

  // Accounts.

  /** The key's account, made on first use and marked as just used; past the cap the least recently used goes. */
  account = (key: string): Account => this.#open(key);

  // Every change goes to the key's account as it is now: one evicted while its request waited is
  // made again, so that its charge shows in the books of an account that is present.
  #open(key: string): AccountRecord {
    const known = this.#accounts.use(key);
    if (known) return known;
    while (this.#accounts.size >= this.options.maxAccounts) this.#forget(this.#accounts.oldest()!);
    return this.#accounts.open(key, this.options.startFor(key), this.#now());
  }

  /** The key's books with its ended videos booked; its account made on first use. */
  books(key: string): AccountBooks {
    return this.#books(this.#open(key));
  }

  /** Forgets one account: its books, its jobs, its idempotency records (they are by account serial). */
  resetAccount = (key: string): void => this.#forget(key);

  /** Forgets every account, job, idempotency record and webhook delivery. */
  resetAll(): void {
    for (const key of this.#accounts.keys()) this.#forget(key);
    for (const id of this.#jobs.ids()) this.#drop(id);
    this.#idempotency.clear();
    this.options.sender.clear();
  }

  /** Starts the account's books again from `amount` (micro-units). */
  setBalance(key: string, amount: number): AccountBooks {
    this.account(key);
    this.#settle(key); // what ended before belongs to the old books
    Object.assign(this.#open(key), { start: amount, balance: amount, charged: 0, refunded: 0 });
    return this.#books(this.#open(key));
  }

  /** Faults for this key's requests only; undefined clears them. */
  setFaults(key: string, faults: FaultSettings | undefined): void {
    this.account(key);
    const record = this.#open(key);
    if (faults) record.faults = faults;
    else delete record.faults;
  }

  /** Counts one request in the account's one-minute window. */
  countRequest(account: Account, limit: number): RateCount {
    const record = this.#open(account.key);
    const { window, count } = nextWindow(record.window, limit, this.#now());
    record.window = window;
    return count;
  }

  // Money and videos.

  /** Takes an accepted image's price. */
  chargeImage = (account: Account, amount: number): void => charge(this.#open(account.key), amount);

  /** Takes an accepted video's price and starts its job, owned by the account. */
  startVideo(account: Account, request: JobRequest, outcome: Outcome, cost: number, steps?: number): Job {
    while (this.#jobs.size >= this.options.maxJobs) this.#drop(this.#jobs.oldest()!.id);
    const record = this.#open(account.key);
    charge(record, cost);
    const job = this.#jobs.create(request, outcome, steps);
    this.#owners.link(record.key, job, cost, this.#jobs.endsAt(job));
    this.#arm(job);
    return job;
  }

  /** The job's body as it stands (not moved, not reported); undefined when there is no such job. */
  videoBody(id: string): JobSight['body'] | undefined {
    const job = this.#jobs.get(id);
    return job && this.#jobs.bodyOf(job);
  }

  /** The account's balance, with its ended videos booked. */
  balance(account: Account): number {
    this.#settle(account.key);
    return this.#open(account.key).balance;
  }

  /** Videos charged and not yet ended (ended ones booked first). */
  running(account: Account): number {
    this.#settle(account.key);
    return this.#owners.open(account.key).size;
  }

  /** The account's video as this poll sees it (moving it on); undefined when the account has no such job. */
  pollVideo(account: Account, id: string): JobSight['body'] | undefined {
    const job = this.#jobs.get(id);
    if (!job || this.#owners.ownerOf(id) !== account.key) return undefined;
    const sight = this.#jobs.poll(job);
    this.#report(job, sight);
    return sight.body;
  }

  /** Moves a job `steps` on (to its end by default); false when there is no such job. */
  advanceJob(id: string, steps?: number): boolean {
    const job = this.#jobs.get(id);
    if (!job) return false;
    this.#report(job, this.#jobs.advance(job, steps));
    return true;
  }

  // Idempotency records, per account serial (a reset account starts with none).

  recall = (account: Account, key: string, print: string): IdempotencyCheck =>
    this.#idempotency.check(account.serial, key, print);
  remember = (account: Account, key: string, print: string, answer: StoredAnswer): void =>
    this.#idempotency.store(account.serial, key, print, answer);

  /** Every table as plain data. */
  snapshot(): StateSnapshot {
    return {
      version: STATE_VERSION,
      savedAt: new Date(this.#now()).toISOString(),
      accounts: this.#accounts.snapshot(),
      jobs: this.#jobs.snapshot(),
      holdings: this.#owners.snapshot(),
      idempotency: this.#idempotency.snapshot(),
      deliveries: this.options.sender.snapshot(),
    };
  }

  /** Takes back a snapshot (into a new model): jobs go on by time, pending deliveries are retried. */
  restore(saved: StateSnapshot): void {
    this.#accounts.restore(saved.accounts);
    this.#jobs.restore(saved.jobs);
    this.#owners.restore(saved.holdings, this.#jobs);
    this.#idempotency.restore(saved.idempotency);
    this.options.sender.restore(saved.deliveries);
    for (const id of this.#jobs.ids()) this.#arm(this.#jobs.get(id)!);
  }

  /** Stops the jobs' timers and the webhook sender; the tables stay as they are (for the state file). */
  async close(): Promise<void> {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await this.options.sender.close();
  }

  // The invariants.

  /**
   * Books one video of its owner, once: when it ended (refunded if it failed and its code refunds), or
   * when it is dropped before it ended (refunded in full, as a failure would be).
   */
  #book(holding: Holding, dropped = false) {
    const { job } = holding;
    const ended = this.#jobs.ended(job);
    if ((!ended && !dropped) || !this.#owners.isOpen(job.id)) return;
    this.#owners.close(holding);
    const account = this.#accounts.peek(holding.key);
    const { outcome } = job;
    const refunds = outcome.kind === 'failed' && refundsOnFailure(this.options.templates, outcome.code);
    if (account && (!ended || refunds)) refund(account, holding.cost);
  }

  /**
   * Books every ended video of the key. A poll or an advance books its own job at once, so the scan
   * is needed only once the earliest open job can have ended by time alone.
   */
  #settle(key: string) {
    if (this.#now() < this.#owners.settleAfter(key)) return;
    let next = Infinity;
    for (const holding of [...this.#owners.open(key).values()]) {
      this.#book(holding);
      if (this.#owners.isOpen(holding.job.id)) next = Math.min(next, this.#jobs.endsAt(holding.job));
    }
    this.#owners.setSettleAfter(key, next);
  }

  /** A job with a callback URL reports its end when it ends by time, if nobody polled it first. */
  #arm(job: Job) {
    if (!job.request.callbackUrl || !this.#jobs.unreported(job)) return;
    // A timer holds at most MAX_TIMER_MS (past it, it fires at once): an end further off is armed again.
    const wait = Math.max(0, this.#jobs.endsAt(job) - this.#now()) + 1;
    const fire = () => (wait > MAX_TIMER_MS ? this.#arm(job) : this.#report(job, this.#jobs.look(job)));
    this.#timers.set(job.id, setTimeout(fire, Math.min(wait, MAX_TIMER_MS)).unref());
  }

  /** After a poll, an advance or its timer: book the job, and deliver its webhook the first time it is seen ended. */
  #report(job: Job, sight: JobSight) {
    const holding = this.#owners.openHolding(job.id);
    if (holding) this.#book(holding);
    if (!sight.endedNow || !job.request.callbackUrl) return;
    clearTimeout(this.#timers.get(job.id));
    this.#timers.delete(job.id);
    const event = videoEvent(sight.body);
    if (event) void this.options.sender.send(job.request.callbackUrl, event);
  }

  /** An evicted or reset account goes with its jobs. */
  #forget(key: string) {
    if (!this.#accounts.delete(key)) return;
    for (const job of this.#owners.release(key)) this.#drop(job.id);
  }

  /** A dropped job is settled before it goes: booked if it ended, else refunded as if it failed. */
  #drop(id: string) {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
    const holding = this.#owners.openHolding(id);
    if (holding) this.#book(holding, true);
    this.#owners.unlink(id);
    this.#jobs.delete(id);
  }

  #books(account: AccountRecord): AccountBooks {
    this.#settle(account.key);
    const { currency } = this.options;
    return booksOf(account, currency, this.#owners.open(account.key).size, this.#owners.jobIds(account.key));
  }
}
