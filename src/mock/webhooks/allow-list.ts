// Where a shared mock may send webhooks (`--webhook-allow host[:port],...`): a delivery to any other
// host or port is not sent. Hosts are compared as the URL parser writes them (lower case, IPv6 in
// brackets); an entry without a port allows every port of its host.

export interface AllowedHost {
  readonly host: string;
  readonly port?: number;
}

const ENTRY = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?$/i;

/** `host[:port]` entries (a list, or one comma-separated string); an Error naming the option. */
export function parseWebhookAllow(raw: string | readonly string[]): AllowedHost[] {
  const entries = typeof raw === 'string' ? raw.split(',') : raw;
  if (!Array.isArray(entries) || entries.length === 0)
    throw new Error(`webhookAllow must list host[:port] entries, got ${JSON.stringify(raw)}`);
  return entries.map(entry => {
    const match = typeof entry === 'string' ? ENTRY.exec(entry.trim()) : null;
    const port = match?.[2] === undefined ? undefined : Number(match[2]);
    if (!match || (port !== undefined && (port < 1 || port > 65535)))
      throw new Error(`webhookAllow entries are host or host:port, got ${JSON.stringify(entry)}`);
    const host = match[1]!.toLowerCase().replace(/\.$/, '');
    return port === undefined ? { host } : { host, port };
  });
}

/** The port a connection to the URL uses. */
export const defaultPort = (url: URL) => Number(url.port || (url.protocol === 'https:' ? 443 : 80));

/** Whether the list lets a delivery go to this URL (no list: anywhere). */
export function allowedBy(list: readonly AllowedHost[] | undefined, url: URL): boolean {
  if (!list) return true;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return list.some(a => a.host === host && (a.port === undefined || a.port === defaultPort(url)));
}
