// GET /v2/videos/generations/{id}: only the key that made a video sees it (each poll moves it on);
// any other id is a 404, whatever its shape; the forbidden test id is a 403.
import { contractError } from '../../kernel/error-body.ts';
import { errorAnswer, type Answer } from '../answer.ts';
import type { OperationContext, Schemas } from './context.ts';
import { notFoundGeneration } from './not-found.ts';

export function getVideoGeneration(ctx: OperationContext): Answer {
  const id = ctx.params.id ?? '';
  if (ctx.core.index.exact('generation_id', id)?.error === 'generation_forbidden')
    return errorAnswer(
      contractError('generation_forbidden', 'You can only access generations of your own account.', 'id'),
    );
  const body: Schemas['VideoGeneration'] | undefined = ctx.core.state.pollVideo(ctx.account, id);
  return body ? { status: 200, body } : errorAnswer(notFoundGeneration(id));
}
