// Who may use the control routes under /_mock/: by default callers on loopback or in-process; with a
// control token, only requests that carry it.
import { createHash, timingSafeEqual } from 'node:crypto';

export type ControlAccess = 'loopback' | 'on' | 'off';

/** The header a control request carries the token in. */
export const CONTROL_TOKEN_HEADER = 'x-mock-control-token';

/** In-process callers have no address; loopback is 127.0.0.0/8 and ::1 (also IPv4-mapped). */
export function controlAllowed(access: ControlAccess, remoteAddress: string | undefined): boolean {
  if (access === 'on') return true;
  if (access === 'off') return false;
  return remoteAddress === undefined || remoteAddress === '::1' || /^(::ffff:)?127\./.test(remoteAddress);
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request's token is the one asked for (no token set: any); compared in constant time. */
export function tokenAccepted(expected: string | undefined, given: string | undefined): boolean {
  if (expected === undefined) return true;
  // Digests of equal length, so that neither the length nor a prefix of the token can be timed.
  return given !== undefined && timingSafeEqual(digest(expected), digest(given));
}
