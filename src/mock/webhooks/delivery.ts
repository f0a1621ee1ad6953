// A webhook delivery as the mock records it: the exact body, and every attempt with the headers it
// carried (the signature among them; the secret never is), its time and what the receiver answered.
// Plain data, so that the state file keeps it as it is.

/** `pending` while attempts remain; `not sent` for a URL on a reserved example name. */
export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'not sent';

export interface DeliveryAttempt {
  /** When it was sent (ISO 8601). */
  readonly at: string;
  /** What was sent: content-type, webhook-id, webhook-timestamp, webhook-signature. */
  readonly headers: Readonly<Record<string, string>>;
  readonly status?: number;
  /** Why no answer came (refused, timed out, …). */
  readonly error?: string;
  /** The first bytes of the receiver's answer. */
  readonly answer?: string;
  /** Made by a resend, outside the retry schedule. */
  readonly resend?: true;
}

export interface Delivery {
  readonly webhookId: string;
  readonly url: string;
  readonly type: string;
  /** The body, exactly as sent on every attempt. */
  readonly body: string;
  readonly state: DeliveryState;
  /** Status of the last attempt, or its error, or why it was not sent. */
  readonly outcome: number | string;
  readonly attempts: readonly DeliveryAttempt[];
  /** While pending: when the next attempt is due (ISO 8601). */
  readonly nextAttemptAt?: string;
}

/** The same record as the sender writes it. */
export type DeliveryRecord = { -readonly [K in keyof Delivery]: Delivery[K] } & {
  attempts: DeliveryAttempt[];
};

export const succeeded = (attempt: DeliveryAttempt): boolean =>
  attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300;
