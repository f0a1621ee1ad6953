// Headers as every check reads them: lower-case names, string values. On the hot path a plain
// object that already is that is read as it is, without a copy.
import { lowerCaseHeaders, type HeaderBag } from '../kernel/headers.ts';

/** Whether a header name is what toLowerCase would make of it: no ASCII capital, nothing beyond ASCII. */
function isLowerAscii(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return false;
  }
  return true;
}

/**
 * The headers as lowerCaseHeaders makes them. A plain object of lower-case names and string values
 * already is that, and is read as it is: no copy on every check.
 */
export function headerRecord(headers: HeaderBag): Record<string, string> {
  if (Object.getPrototypeOf(headers) !== Object.prototype) return lowerCaseHeaders(headers);
  const bag = headers as Record<string, unknown>;
  const names = Object.keys(bag);
  for (let i = 0; i < names.length; i++) {
    if (typeof bag[names[i]!] !== 'string' || !isLowerAscii(names[i]!)) return lowerCaseHeaders(headers);
  }
  return bag as Record<string, string>;
}
