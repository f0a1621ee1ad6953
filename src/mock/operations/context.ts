// What a stateful operation is handed: the mock's core, the caller's account, the request as Prism
// validated it, and the call's preferences. One object, the same for every handler of the table.
import type { components } from '../../../generated/schema.ts';
import type { Operation } from '../../kernel/index.ts';
import type { Answer } from '../answer.ts';
import type { Core } from '../pipeline/core.ts';
import type { Preferences } from '../pipeline/preferences.ts';
import type { Account } from '../state/accounts.ts';

export type Schemas = components['schemas'];

/** The request bodies of the operations that have one, as the contract's schemas type them. */
export interface RequestBodies {
  generateImage: Schemas['ImageGenerationRequest'];
  createVideoGeneration: Schemas['VideoGenerationRequest'];
}

export interface OperationContext {
  readonly core: Core;
  readonly op: Operation;
  readonly account: Account;
  /** Where the request came to: the URLs of the files it makes are on it. */
  readonly origin: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The request body, as Prism validated it; read it typed through `requestBody`. */
  readonly body: unknown;
  readonly idempotencyKey: string | undefined;
  readonly prefs: Preferences;
}

export type OperationHandler = (ctx: OperationContext) => Answer;

/**
 * The body as its schema types it. Prism has validated it against this operation's request schema
 * before any handler runs (an invalid body is a 400 in the contract stage), so the type is earned.
 */
export function requestBody<Id extends keyof RequestBodies>(
  ctx: OperationContext,
  id: Id,
): RequestBodies[Id] {
  if (ctx.op.operationId !== id) throw new Error(`${ctx.op.operationId} is not ${id}`);
  return ctx.body as RequestBodies[Id];
}
