// Whether a delivery may go to a callback URL, decided before any connection: not to a name reserved
// for documentation, not outside the allow-list, and not to the mock itself. The host name is resolved
// first (every address), and the connection is then made to those addresses only, so that a name
// cannot resolve elsewhere between the check and the request.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { allowedBy, defaultPort, type AllowedHost } from './allow-list.ts';
import type { OwnAddresses } from './own-addresses.ts';

export type Resolve = (host: string) => Promise<readonly LookupAddress[]>;

const resolveAll: Resolve = host =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

export interface DestinationRules {
  readonly own: OwnAddresses;
  readonly allow?: readonly AllowedHost[];
  readonly resolve?: Resolve;
}

export type Destination =
  | { readonly kind: 'go'; readonly url: URL; readonly addresses: readonly LookupAddress[] }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * The host of a callback URL under a name reserved for documentation (example.com, *.example, *.test,
 * *.invalid): the contract's own examples use one, and a delivery there could only go astray.
 */
export function reservedHost(url: string): string | undefined {
  const host = URL.parse(url)?.hostname.toLowerCase().replace(/\.$/, '');
  return host && /(^|\.)(example\.(com|net|org)|example|test|invalid)$/.test(host) ? host : undefined;
}

const refused = (reason: string): Destination => ({ kind: 'refused', reason });

/** Where the delivery may connect, or why it may not be sent (never an exception). */
export async function destinationOf(raw: string, rules: DestinationRules): Promise<Destination> {
  const url = URL.parse(raw);
  if (!url || !/^https?:$/.test(url.protocol)) return refused('the callback URL is not an http(s) URL');
  const reserved = reservedHost(raw);
  if (reserved) return refused(`${reserved} is a reserved example name (RFC 2606), no receiver can be there`);
  if (!allowedBy(rules.allow, url)) return refused(`${url.host} is not in the webhook allow-list`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: readonly LookupAddress[];
  try {
    addresses = isIP(host)
      ? [{ address: host, family: isIP(host) }]
      : await (rules.resolve ?? resolveAll)(host);
  } catch (error) {
    return refused(`${url.hostname} did not resolve (${(error as Error).message})`);
  }
  await rules.own.known;
  const port = defaultPort(url);
  const own = addresses.find(a => rules.own.isOwn(a.address, port));
  if (own)
    return refused(`${url.host} is the mock itself (${own.address}), whose control routes it must not reach`);
  if (addresses.length === 0) return refused(`${url.hostname} resolved to no address`);
  return { kind: 'go', url, addresses };
}
