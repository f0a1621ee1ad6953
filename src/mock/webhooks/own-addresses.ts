// Where the mock itself listens, so that no delivery is sent back to it (a callback_url naming its own
// /_mock/ routes would otherwise reach them from loopback). Known once the HTTP server has bound; a
// mock with no server (in-process) has none. Deliveries wait for it, so that a pending delivery
// restored from a state file is not tried before the server knows its port.
import { networkInterfaces } from 'node:os';

export interface Listening {
  /** The bound address: 127.0.0.1, ::1, 0.0.0.0, :: or an interface's. */
  readonly address: string;
  readonly port: number;
}

/** An IPv4-mapped IPv6 address as IPv4, lower case, without an IPv6 zone. */
export const plainIp = (ip: string): string =>
  ip
    .toLowerCase()
    .replace(/%.*$/, '')
    .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

const UNSPECIFIED = new Set(['0.0.0.0', '::']);
/** Reaches this machine whatever the bound address: loopback, and the unspecified address. */
const isLocal = (ip: string) => UNSPECIFIED.has(ip) || ip === '::1' || /^127\./.test(ip);

export class OwnAddresses {
  #listening: Listening | undefined;
  #known!: () => void;
  /** Resolves once the server has bound (or when there is none). */
  readonly known = new Promise<void>(resolve => (this.#known = resolve));

  /** The server is bound here; undefined: there is no server. */
  listening(at: Listening | undefined): void {
    this.#listening = at;
    this.#known();
  }

  /** Whether a connection to `ip`:`port` would reach the mock itself. */
  isOwn(ip: string, port: number): boolean {
    const at = this.#listening;
    if (!at || port !== at.port) return false;
    const target = plainIp(ip);
    const bound = plainIp(at.address);
    if (isLocal(target) || target === bound) return true;
    if (!UNSPECIFIED.has(bound)) return false;
    // Bound to every interface: any of this machine's addresses reaches it.
    return Object.values(networkInterfaces()).some(list =>
      (list ?? []).some(i => plainIp(i.address) === target),
    );
  }
}

/** For a mock with no server: nothing of its own to avoid. */
export const noOwnAddresses = (): OwnAddresses => {
  const none = new OwnAddresses();
  none.listening(undefined);
  return none;
};
