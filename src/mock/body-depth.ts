// How deep a JSON request body may nest, set here once, and the one check of it: a walk with its own
// stack, so that no body, however deep, can overflow the call stack of the mock.

/** Levels of arrays and objects a request body may nest (no operation of the contract needs 10). */
export const MAX_BODY_DEPTH = 64;

/** Whether `value` nests arrays or objects deeper than `max` levels (a scalar is depth 0). */
export function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}
