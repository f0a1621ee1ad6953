// A URL as it may be written down: without `user:password@`. Callback URLs may carry credentials for
// the receiver; they are sent, never logged, listed or put in an error.

/** The URL without its credentials; text that is not a URL is returned as it is. */
export function withoutCredentials(url: string): string {
  const parsed = URL.parse(url);
  if (!parsed || (parsed.username === '' && parsed.password === '')) return url;
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

/** Percent-decoded, or as it is when it does not decode. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `text` with every appearance of the URL's credentials taken out (an error may quote them). */
export function scrubCredentials(text: string, url: string): string {
  const parsed = URL.parse(url);
  if (!parsed || (parsed.username === '' && parsed.password === '')) return text;
  const secrets = [parsed.username, parsed.password].filter(s => s !== '');
  const plain = secrets.map(decoded);
  return [url, ...secrets, ...plain]
    .sort((a, b) => b.length - a.length)
    .reduce((out, s) => out.replaceAll(s, s === url ? withoutCredentials(url) : '***'), text);
}
