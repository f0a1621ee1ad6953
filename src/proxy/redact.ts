// Keeps a caller's API key out of everything the proxy and the contract CLI write (log lines, the
// report, error bodies): every credential the caller sent, in every form it may be echoed in (exact,
// URL-encoded, JSON-escaped, any case), and any run of at least FRAGMENT of its characters, becomes
// `[redacted]`.

/** The shortest run of a key's characters that counts as leaking part of it. */
export const FRAGMENT = 6;
const REDACTED = '[redacted]';
/** Headers and query parameters that carry a credential, as the proxy knows them. */
const CREDENTIAL_HEADERS = ['authorization', 'x-api-key'] as const;
const CREDENTIAL_PARAMS = ['api_key', 'key', 'token'] as const;

/** Takes the caller's key out of a text the proxy is about to write. */
export type Redact = (text: string) => string;

/** The credential in an `Authorization` header: what follows the scheme (`Bearer`, `Basic`), else all of it. */
export function secretOf(authorization: string | string[] | undefined): string | undefined {
  const value = (Array.isArray(authorization) ? authorization.join(' ') : (authorization ?? '')).trim();
  const token = /^[A-Za-z][\w-]*\s+(\S.*)$/.exec(value)?.[1] ?? value;
  return token === '' ? undefined : token;
}

/** Every credential a request carries: its credential headers and query parameters. */
export function credentialsOf(
  headers: Record<string, string | string[] | undefined>,
  url: string | undefined,
): string[] {
  const found = CREDENTIAL_HEADERS.map(name => secretOf(headers[name]));
  const query = new URLSearchParams((url ?? '').split('?').slice(1).join('?'));
  for (const name of CREDENTIAL_PARAMS) for (const value of query.getAll(name)) found.push(secretOf(value));
  return found.filter((s): s is string => s !== undefined);
}

/** ASCII lower case, which keeps every index of the text where it was. */
const fold = (text: string) => text.replace(/[A-Z]/g, c => c.toLowerCase());
const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1);

/** The forms a secret may be echoed in: as sent, URL-encoded, JSON-escaped (once or twice), folded. */
function formsOf(secret: string): string[] {
  const escaped = jsonEscaped(secret);
  return [secret, encodeURIComponent(secret), escaped, jsonEscaped(escaped)].map(fold);
}

/** Every window of each form FRAGMENT long (the whole form when it is shorter), by its length. */
function windowsOf(secrets: string[]): Map<number, Set<string>> {
  const windows = new Map<number, Set<string>>();
  for (const form of new Set(secrets.flatMap(formsOf))) {
    const size = Math.min(FRAGMENT, form.length);
    const set = windows.get(size) ?? windows.set(size, new Set()).get(size)!;
    for (let i = 0; i + size <= form.length; i++) set.add(form.slice(i, i + size));
  }
  return windows;
}

/** Marks the characters of `text` covered by a window; undefined when none is. */
function marks(text: string, windows: Map<number, Set<string>>): Uint8Array | undefined {
  const folded = fold(text);
  let marked: Uint8Array | undefined;
  for (const [size, set] of windows) {
    for (let i = 0; i + size <= folded.length; i++) {
      if (set.has(folded.slice(i, i + size))) (marked ??= new Uint8Array(text.length)).fill(1, i, i + size);
    }
  }
  return marked;
}

/**
 * A function that redacts `secrets` from a text. Any leaked run of FRAGMENT or more characters of a
 * form is covered by windows of it; the marked characters are replaced run by run.
 */
export function redactor(secrets: string | undefined | readonly (string | undefined)[]): Redact {
  const list = (Array.isArray(secrets) ? secrets : [secrets]).filter((s): s is string => !!s);
  if (list.length === 0) return text => text;
  const windows = windowsOf(list);
  return text => {
    const marked = marks(text, windows);
    if (!marked) return text;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      if (!marked[i]) out += text[i];
      else if (i === 0 || !marked[i - 1]) out += REDACTED;
    }
    return out;
  };
}
