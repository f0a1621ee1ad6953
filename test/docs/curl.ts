// A guide's `curl` command line run with fetch and printed as curl prints it, for the options the
// guides use (-s, -i, -I, -X, -H, -d, -o /dev/null); any other option is refused by name.
import { STATUS_CODES } from 'node:http';
import { words } from './transcripts.ts';

export interface CurlOutput {
  /** The URL asked for. */
  url: string;
  /** -I: a HEAD, status line and headers; -i: those, a blank line, the body; -o /dev/null: nothing. */
  show: 'body' | 'head' | 'both' | 'nothing';
  /** The status line and one `name: value` line per header. */
  head: string[];
  body: string;
}

function request(line: string): { url: string; init: RequestInit; show: CurlOutput['show'] } {
  const [name, ...args] = words(line);
  if (name !== 'curl') throw new Error(`not a curl command: ${line}`);
  const headers: Record<string, string> = {};
  const init: RequestInit = { method: 'GET', headers };
  let [url, show] = ['', 'body' as CurlOutput['show']];
  const value = (i: number) => {
    if (args[i + 1] === undefined) throw new Error(`curl ${args[i]} needs a value: ${line}`);
    return args[i + 1]!;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (/^-[sSiI]+$/.test(arg)) {
      if (arg.includes('I')) [init.method, show] = ['HEAD', 'head'];
      else if (arg.includes('i')) show = 'both';
      continue;
    }
    if (!arg.startsWith('-')) {
      url = /^[a-z]+:\/\//.test(arg) ? arg : `http://${arg}`;
      continue;
    }
    const given = value(i++);
    if (arg === '-X') init.method = given;
    else if (arg === '-H') headers[given.slice(0, given.indexOf(':')).trim()] = given.slice(given.indexOf(':') + 1).trim();
    else if (arg === '-d') [init.body, init.method] = [given, init.method === 'GET' ? 'POST' : init.method];
    else if (arg === '-o' && given === '/dev/null') show = 'nothing';
    else throw new Error(`curl ${arg} ${given} is not an option the guides use: ${line}`);
  }
  if (!url) throw new Error(`curl without a URL: ${line}`);
  // As curl: -d without a Content-Type sends a form.
  if (init.body !== undefined && !Object.keys(headers).some(h => h.toLowerCase() === 'content-type'))
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  return { url, init, show };
}

/**
 * What curl prints for `line` (without its `$ `). A URL written `.../name`, as a guide shortens one,
 * is `name` beside the `previous` URL.
 */
export async function curl(line: string, previous?: string): Promise<CurlOutput> {
  const asked = request(line);
  const { init, show } = asked;
  const url = asked.url.startsWith('http://.../') ? new URL(asked.url.slice(11), previous).href : asked.url;
  const res = await fetch(url, init);
  const head = [
    `HTTP/1.1 ${res.status} ${STATUS_CODES[res.status]}`,
    ...[...res.headers].map(([name, value]) => `${name}: ${value}`),
  ];
  return { url, show, head, body: await res.text() };
}
