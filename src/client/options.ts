// The client's options with their defaults, checked when given: a value of another type than its
// default's is a TypeError naming the entry point and the option, at once, not a fault deep in a
// request. The defaults double as the table of types, which keeps this small for the browser budget;
// the server-side entry points have the fuller src/kernel/options.ts.

/**
 * `given` over `defaults`, for the names `defaults` has (null or undefined keeps the default); a given
 * value must have its default's `typeof`, and numbers (times and counts) must be >= 0 (Infinity is
 * allowed, NaN is not).
 */
export function withDefaults<T extends object>(where: string, given: object, defaults: T): T {
  if (typeof given != 'object' || !given) throw new TypeError(`${where}: options must be an object`);
  const result = { ...defaults } as Record<string, unknown>;
  // Over what is given, usually a few names: this runs on every call.
  for (const name in given) {
    const value = (given as Record<string, unknown>)[name];
    if (!(name in defaults) || value == null) continue;
    const type = typeof result[name];
    if (typeof value != type || (value as number) < 0 || value != value)
      throw new TypeError(
        `${where}: ${name} must be ${type == 'number' ? 'a number >= 0' : 'of type ' + type}`,
      );
    result[name] = value;
  }
  return result as T;
}
