// How long an Idempotency-Key is remembered. The contract carries it as data next to its prose ("Keys
// are kept for 24 hours"): the Idempotency-Key parameter's `x-retention-seconds`.
import { asObject, type Spec } from '../kernel/index.ts';

const RETENTION_KEY = 'x-retention-seconds';

/** The retention the contract declares, in ms; a contract without one is an Error naming the extension. */
export function contractIdempotencyRetentionMs(spec: Spec): number {
  const parameters = Object.values(asObject(asObject(spec.components).parameters));
  const parameter = parameters.map(asObject).find(p => p.name === 'Idempotency-Key' && p.in === 'header');
  const seconds = parameter?.[RETENTION_KEY];
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0)
    throw new Error(
      `the contract's Idempotency-Key parameter (components.parameters) must carry ${RETENTION_KEY}, a positive number of seconds`,
    );
  return seconds * 1000;
}
