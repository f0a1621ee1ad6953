// What a contract check is handed: a response as a server answered it (and which operation was
// called), or a webhook delivery as it was received.
import type { HeaderBag } from '../kernel/headers.ts';

export type { HeaderBag };

export interface ObservedResponse {
  status: number;
  headers: HeaderBag;
  /** Parsed JSON, the raw text, or undefined when there was no body. */
  body: unknown;
}

/** An operationId, or the method and the concrete path (query allowed) that was called. */
export type OperationRef = string | { method: string; path: string };

/** How an operation reference reads in a message: its id, or `GET /v2/...`. */
export const refLabel = (ref: OperationRef) =>
  typeof ref === 'string' ? ref : `${ref.method.toUpperCase()} ${ref.path}`;

export interface WebhookDelivery {
  headers: HeaderBag;
  /** The raw body as received: signatures cover the exact bytes. */
  body: string;
  /** When given, the signature and timestamp are verified (Standard Webhooks). */
  secret?: string;
}
