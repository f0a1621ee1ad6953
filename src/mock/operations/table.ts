// The stateful operations, keyed by operationId: one handler each, every one taking the same
// context. An operation not in the table answers the contract's example.
import type { OperationHandler } from './context.ts';
import { createVideoGeneration } from './createVideoGeneration.ts';
import { generateImage } from './generateImage.ts';
import { getBalance } from './getBalance.ts';
import { getVideoGeneration } from './getVideoGeneration.ts';
import { listModels } from './listModels.ts';

export const OPERATIONS: Readonly<Record<string, OperationHandler>> = {
  listModels,
  getBalance,
  generateImage,
  createVideoGeneration,
  getVideoGeneration,
};

export const handlerFor = (operationId: string): OperationHandler | undefined =>
  Object.hasOwn(OPERATIONS, operationId) ? OPERATIONS[operationId] : undefined;
