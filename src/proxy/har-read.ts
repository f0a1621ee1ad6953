// Reads a HAR file for the offline check: the fields it uses, checked, each problem naming the entry
// and the field. A HAR of the proxy carries `_mediagen`; one of a browser or another tool does not,
// and its calls are taken from the request URLs as they are.
import { isObject } from '../kernel/json.ts';
import type { HarVerdict } from './har.ts';

export interface ReadEntry {
  startedDateTime: string;
  status: number;
  headers: Record<string, string>;
  text?: string;
  verdict: HarVerdict;
}

const fail = (where: string, what: string): never => {
  throw new Error(`${where} ${what}`);
};

/** Header pairs as one bag: lower-case names, a repeated header joined as HTTP combines them. */
function headerBag(list: unknown, where: string): Record<string, string> {
  if (!Array.isArray(list)) return fail(where, 'must be an array of {name, value}');
  const bag: Record<string, string> = {};
  list.forEach((h, i) => {
    if (!isObject(h) || typeof h.name !== 'string' || typeof h.value !== 'string')
      fail(`${where}[${i}]`, 'must be {name, value} strings');
    const { name, value } = h as { name: string; value: string };
    const key = name.toLowerCase();
    bag[key] = bag[key] === undefined ? value : `${bag[key]}, ${value}`;
  });
  return bag;
}

function readEntry(entry: unknown, where: string): ReadEntry {
  if (!isObject(entry) || !isObject(entry.request) || !isObject(entry.response))
    return fail(where, 'must have a request and a response');
  const { request, response } = entry;
  if (typeof request.method !== 'string') fail(`${where}.request.method`, 'must be a string');
  if (typeof request.url !== 'string' || !URL.canParse(request.url))
    fail(`${where}.request.url`, 'must be an absolute URL');
  if (typeof response.status !== 'number') fail(`${where}.response.status`, 'must be a number');
  const content = isObject(response.content) ? response.content : {};
  if (content.encoding === 'base64')
    fail(`${where}.response.content`, 'is base64: only text bodies are read');
  const mediagen = isObject(entry._mediagen) ? (entry._mediagen as unknown as HarVerdict) : undefined;
  const call = mediagen?.call ?? {
    method: String(request.method).toUpperCase(),
    path: new URL(String(request.url)).pathname,
  };
  return {
    startedDateTime: typeof entry.startedDateTime === 'string' ? entry.startedDateTime : '',
    status: response.status as number,
    headers: headerBag(response.headers, `${where}.response.headers`),
    ...(typeof content.text === 'string' ? { text: content.text } : {}),
    verdict: { ...mediagen, call },
  };
}

/** The entries of a HAR's text; throws one line naming what is not a HAR. */
export function readHar(text: string): ReadEntry[] {
  let har: unknown;
  try {
    har = JSON.parse(text);
  } catch (error) {
    return fail('the file', `is not JSON (${(error as Error).message})`);
  }
  if (!isObject(har) || !isObject(har.log) || !Array.isArray(har.log.entries))
    return fail('the file', 'is not a HAR: it has no log.entries');
  return har.log.entries.map((entry, i) => readEntry(entry, `log.entries[${i}]`));
}
