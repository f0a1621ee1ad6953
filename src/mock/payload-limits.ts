// How large a request body and one data-URL image may be, read from the contract's 413 examples,
// so that the limits are stated once, in the spec.
import { isObject, type Contract } from '../kernel/index.ts';

const MiB = 1024 * 1024;

export interface PayloadLimits {
  request: number;
  image: number;
}

/** Body limits, read from the contract's 413 examples (the request's, and one image's). */
export function payloadLimits(contract: Contract): PayloadLimits {
  const examples = contract.operations
    .flatMap(op => op.responses.filter(r => r.status === 413))
    .flatMap(r => Object.values(r.examples));
  const limit = (forImage: boolean, fallback: number) => {
    const e = examples
      .map(x => (isObject(x) && isObject(x.error) ? x.error : {}))
      .find(x => (x.param !== null) === forImage && typeof x.max_bytes === 'number');
    return (e?.max_bytes as number | undefined) ?? fallback;
  };
  return { request: limit(false, 25 * MiB), image: limit(true, 10 * MiB) };
}
