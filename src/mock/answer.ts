// What the mock's steps hand back: a body as is, or an error the core builds into the contract's
// envelope with the request's id; or a transport fault the adapters turn into a stalled or cut
// connection.
import type { ContractError } from '../kernel/error-body.ts';

export type Answer = {
  status: number;
  body?: unknown;
  error?: ContractError;
  headers?: Record<string, string>;
  note?: string;
  transport?: 'stall' | 'cut';
};

export const errorAnswer = (error: ContractError, headers: Record<string, string> = {}): Answer => ({
  status: error.status,
  error,
  headers,
});

/** Echoed request text may hold anything; a header may only hold visible ASCII. */
export const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]/g, '?').slice(0, 300);
