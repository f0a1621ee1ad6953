// Who may use the control routes under /_mock/: by default callers on loopback or in-process.
export type ControlAccess = 'loopback' | 'on' | 'off';

/** In-process callers have no address; loopback is 127.0.0.0/8 and ::1 (also IPv4-mapped). */
export function controlAllowed(access: ControlAccess, remoteAddress: string | undefined): boolean {
  if (access === 'on') return true;
  if (access === 'off') return false;
  return remoteAddress === undefined || remoteAddress === '::1' || /^(::ffff:)?127\./.test(remoteAddress);
}
