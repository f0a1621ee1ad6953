// Stage 7, test keys: a key of the fixtures that answers every call the same (revoked, disabled,
// rate limited, 5xx), before any limit or state.
import type { Answer } from '../answer.ts';
import type { OperationCall } from './call.ts';
import type { Core } from './core.ts';

export function answerTestKey(core: Core, oc: OperationCall): Answer | undefined {
  return oc.key !== undefined ? core.canned.testKey(oc.op, oc.key) : undefined;
}
