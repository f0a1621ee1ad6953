// What a server under test may make the contract suite (and its CLI) hold: how long one answer may take,
// whole, and how many bytes of it are read. Past either, the scenario fails with a violation saying so.
import { positiveInteger } from '../kernel/server-limits.ts';
import { timerMs } from '../kernel/timer.ts';

export interface AnswerLimits {
  /** Time for one whole answer, from the request to its last byte (default 10 s). */
  timeoutMs: number;
  /** Bytes of one answer's body read; one more and the answer is dropped (default 16 MiB). */
  maxAnswerBytes: number;
}

export const DEFAULT_ANSWER_LIMITS: Readonly<AnswerLimits> = {
  timeoutMs: 10_000,
  maxAnswerBytes: 16 * 1024 * 1024,
};

/** The limits with the defaults filled in, each given one checked (an error naming it). */
export function answerLimits(given: Partial<AnswerLimits> = {}): AnswerLimits {
  const limits = { ...DEFAULT_ANSWER_LIMITS };
  if (given.timeoutMs !== undefined) limits.timeoutMs = timerMs('timeoutMs', given.timeoutMs);
  if (given.maxAnswerBytes !== undefined)
    limits.maxAnswerBytes = positiveInteger('maxAnswerBytes', given.maxAnswerBytes);
  return limits;
}
