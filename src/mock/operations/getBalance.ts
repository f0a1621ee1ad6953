// GET /v2/billing/balance: the account's balance, its ended videos booked first.
import type { Answer } from '../answer.ts';
import { renderMoney } from '../money.ts';
import type { OperationContext, Schemas } from './context.ts';

export function getBalance(ctx: OperationContext): Answer {
  const { state, fixtures } = ctx.core;
  const body: Schemas['Balance'] = {
    balance: renderMoney(state.balance(ctx.account)),
    currency: fixtures.currency,
  };
  return { status: 200, body };
}
