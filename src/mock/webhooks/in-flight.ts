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
  /** Each waiter's resolve: true when handed a slot, false when the sender stops. */
  readonly #queue: ((granted: boolean) => void)[] = [];

  /**
   * `stopped` aborts when the sender closes: one listener for every waiter, not one each (a flood
   * queues hundreds, and Node warns past ten listeners on one signal).
   */
  constructor(
    readonly stopped: AbortSignal,
    max = DEFAULT_MAX_DELIVERIES_IN_FLIGHT,
    maxQueued = DEFAULT_MAX_DELIVERIES_QUEUED,
  ) {
    this.max = positiveInteger('maxDeliveriesInFlight', max);
    this.maxQueued = positiveInteger('maxDeliveriesQueued', maxQueued);
    stopped.addEventListener('abort', () => {
      for (const resolve of this.#queue.splice(0)) resolve(false);
    });
  }

  /** The record of an attempt not made: no request, so no headers. */
  notSent(): DeliveryAttempt {
    const error = `not sent: ${this.max} deliveries in flight and ${this.maxQueued} waiting`;
    return { at: new Date().toISOString(), headers: {}, error };
  }

  /** `post` once a slot is free; undefined when the queue is full, or the sender stops while waiting. */
  async run<T>(post: () => Promise<T>): Promise<T | undefined> {
    if (this.#busy < this.max) this.#busy++;
    else if (this.#queue.length >= this.maxQueued || this.stopped.aborted) return undefined;
    else if (!(await new Promise<boolean>(resolve => this.#queue.push(resolve)))) return undefined;
    try {
      return await post();
    } finally {
      // The slot passes to the first waiter, or is freed.
      const next = this.#queue.shift();
      if (next) next(true);
      else this.#busy--;
    }
  }
}
