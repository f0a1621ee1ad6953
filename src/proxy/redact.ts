// Keeps a caller's API key out of everything the proxy writes (log lines, the report, its own error
// bodies): the key, and any run of at least FRAGMENT of its characters, becomes `[redacted]`.

/** The shortest run of a key's characters that counts as leaking part of it. */
export const FRAGMENT = 6;
export const REDACTED = '[redacted]';

/** Takes the caller's key out of a text the proxy is about to write. */
export type Redact = (text: string) => string;

/** The credential in an `Authorization` header: what follows the scheme (`Bearer`, `Basic`), else all of it. */
export function secretOf(authorization: string | string[] | undefined): string | undefined {
  const value = (Array.isArray(authorization) ? authorization.join(' ') : (authorization ?? '')).trim();
  const token = /^[A-Za-z][\w-]*\s+(\S.*)$/.exec(value)?.[1] ?? value;
  return token === '' ? undefined : token;
}

/** Every window of the secret FRAGMENT long (the whole secret when it is shorter). */
function windowsOf(secret: string): Set<string> {
  const size = Math.min(FRAGMENT, secret.length);
  const windows = new Set<string>();
  for (let i = 0; i + size <= secret.length; i++) windows.add(secret.slice(i, i + size));
  return windows;
}

/**
 * A function that redacts `secret` from a text. Any leaked run of FRAGMENT or more characters is
 * covered by windows of the secret; the marked characters are replaced run by run.
 */
export function redactor(secret: string | undefined): Redact {
  if (!secret) return text => text;
  const windows = windowsOf(secret);
  const list = [...windows];
  const size = Math.min(FRAGMENT, secret.length);
  return text => {
    if (!list.some(w => text.includes(w))) return text;
    const marked = new Uint8Array(text.length);
    for (let i = 0; i + size <= text.length; i++) {
      if (windows.has(text.slice(i, i + size))) marked.fill(1, i, i + size);
    }
    let out = '';
    for (let i = 0; i < text.length; i++) {
      if (!marked[i]) out += text[i];
      else if (i === 0 || !marked[i - 1]) out += REDACTED;
    }
    return out;
  };
}
