// GET /v2/models: the models of the fixtures, optionally of one type.
import type { Answer } from '../answer.ts';
import { listModels as modelsOf } from '../models.ts';
import type { OperationContext, Schemas } from './context.ts';

export function listModels(ctx: OperationContext): Answer {
  const body: Readonly<Schemas['ModelList']> = modelsOf(ctx.core.fixtures, ctx.query.get('type'));
  return { status: 200, body };
}
