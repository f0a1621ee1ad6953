// A cap on webhook deliveries on the wire at once: a receiver that never answers holds a socket per
// delivery until the timeout, so a flood of jobs would hold thousands. Past the cap an attempt waits
// in a bounded queue; past the queue it is not made (the sender records it as not sent, and the
// retry schedule tries again).
import {
  DEFAULT_MAX_DELIVERIES_IN_FLIGHT,
  DEFAULT_MAX_DELIVERIES_QUEUED,
  positiveInteger,
} from '../../kernel/server-limits.ts';
import type { DeliveryAttempt } from './delivery.ts';

export class DeliverySlots {
  readonly max: number;
  readonly maxQueued: number;
  #busy = 0;
  readonly #queue: (() => void)[] = [];

  constructor(max = DEFAULT_MAX_DELIVERIES_IN_FLIGHT, maxQueued = DEFAULT_MAX_DELIVERIES_QUEUED) {
    this.max = positiveInteger('maxDeliveriesInFlight', max);
    this.maxQueued = positiveInteger('maxDeliveriesQueued', maxQueued);
  }

  /** The record of an attempt not made: no request, so no headers. */
  notSent(): DeliveryAttempt {
    const error = `not sent: ${this.max} deliveries in flight and ${this.maxQueued} waiting`;
    return { at: new Date().toISOString(), headers: {}, error };
  }

  /** `post` once a slot is free; undefined when the queue is full, or `signal` aborts while waiting. */
  async run<T>(post: () => Promise<T>, signal: AbortSignal): Promise<T | undefined> {
    if (this.#busy < this.max) this.#busy++;
    else if (this.#queue.length >= this.maxQueued || signal.aborted) return undefined;
    else if (!(await this.#wait(signal))) return undefined;
    try {
      return await post();
    } finally {
      // The slot passes to the first waiter, or is freed.
      const next = this.#queue.shift();
      if (next) next();
      else this.#busy--;
    }
  }

  /** True once a slot was handed over; false when `signal` aborted first. */
  #wait(signal: AbortSignal): Promise<boolean> {
    return new Promise(resolve => {
      const wake = () => {
        signal.removeEventListener('abort', cancel);
        resolve(true);
      };
      const cancel = () => {
        this.#queue.splice(this.#queue.indexOf(wake), 1);
        resolve(false);
      };
      this.#queue.push(wake);
      signal.addEventListener('abort', cancel, { once: true });
    });
  }
}
