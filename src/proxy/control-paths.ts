// The mock's control routes (/_mock/) are for the machine the mock runs on: the proxy connects to its
// upstream from loopback, so a request it forwarded there would reach them on any remote caller's
// behalf. It never forwards one; it answers the contract's route-not-found 404 itself.
import type { ServerResponse } from 'node:http';
import { safeDecode } from '../kernel/contract.ts';
import { CONTROL_PREFIX } from '../kernel/control-prefix.ts';
import { contractError } from '../kernel/error-body.ts';
import type { Call } from './check.ts';
import { replyContractError } from './reply.ts';

/** The prefix itself or a path below it (not `/_mockery`). */
const under = (path: string) => path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);

/** Whether the path names a control route, as sent or once decoded. */
export const isControlPath = (path: string): boolean => under(path) || under(safeDecode(path));

/** The 404 of a route that does not exist, with a log line saying why it was not forwarded. */
export function refuseControl(res: ServerResponse, call: Call, log: (line: string) => void): void {
  const message = `No route for ${call.method} ${call.path}.`;
  const { requestId } = replyContractError(
    res,
    contractError('not_found', message, null, { resource: 'route' }),
  );
  log(
    `proxy: ${call.method} ${call.path} not forwarded: the mock's control routes are not reachable through the proxy (${requestId})`,
  );
}
