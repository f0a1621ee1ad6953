// Header bags as the client, the validators, the servers and the proxy receive them (a fetch
// `Headers`, a Node `IncomingHttpHeaders`, a plain record), read one way: lower-case names.
export type HeaderBag = Headers | Record<string, string | string[] | number | undefined>;

/**
 * The headers with lower-case names and string values. A repeated header is joined with `, ` (as
 * HTTP combines them), or its first value kept with `repeated: 'first'`.
 */
export function lowerCaseHeaders(
  headers: HeaderBag,
  repeated: 'join' | 'first' = 'join',
): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    headers.forEach((value, name) => (out[name.toLowerCase()] = value));
    return out;
  }
  // A plain loop: this runs on every contract check, and pairs from Object.entries cost a third of one.
  const bag = headers as Exclude<HeaderBag, Headers>;
  const names = Object.keys(bag);
  for (let i = 0; i < names.length; i++) {
    const value = bag[names[i]!];
    const text = Array.isArray(value) ? (repeated === 'first' ? value[0] : value.join(', ')) : value;
    if (text !== undefined) out[names[i]!.toLowerCase()] = typeof text === 'string' ? text : String(text);
  }
  return out;
}
