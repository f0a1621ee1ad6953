// The mock's public URL (`--public-url`, `MockOptions.publicUrl`), checked once at start: an http(s)
// URL with no query or fragment, kept without its trailing slash so that `${publicUrl}/media/...` reads.

/** The URL as media URLs start, or an error saying what is wrong with it (to follow the option's name). */
export function parsePublicUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`must be an absolute http(s) URL, got '${raw}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`must be an http(s) URL, got '${raw}'`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`must have no query, fragment or credentials, got '${raw}'`);
  return (url.origin + url.pathname).replace(/\/+$/, '');
}
