// A generation id that names nothing this key may see: a 404, whatever its shape.
import { contractError, type ContractError } from '../../kernel/error-body.ts';
import { headerSafe } from '../answer.ts';

export const notFoundGeneration = (id: string): ContractError =>
  contractError('not_found', `No generation with id '${headerSafe(id)}'.`, 'id', { resource: 'generation' });
