// Stage 2, control: the routes under /_mock/, for test suites; not part of the contract, answered
// only when the mock was started with control on, or (by default) to callers on loopback or
// in-process; with a control token, only to requests that carry it (X-Mock-Control-Token). Each
// changes the state through one of the state model's methods.
//   POST /_mock/reset                        forget every account, job and webhook delivery
//   GET  /_mock/accounts/{key}               the account's books: balance, charged, refunded, running
//   POST /_mock/accounts/{key}/reset         forget one account (its jobs too)
//   PUT  /_mock/accounts/{key}/balance       {"balance": "12.50"}
//   PUT  /_mock/accounts/{key}/faults        {"faults": "0.5:service_unavailable,cut"} ("off" clears)
//   POST /_mock/jobs/{id}/advance            {"steps": 1} (default: to the end)
//   GET  /_mock/deliveries                   the webhook deliveries, oldest first: body, attempts with
//                                            their headers (signature) and answers (also /_mock/webhooks)
//   POST /_mock/deliveries                   send a chosen event (control-deliveries.ts)
//   POST /_mock/deliveries/{id}/resend       resend a recorded delivery
import { CONTROL_PREFIX } from '../../kernel/control-prefix.ts';
import type { Answer } from '../answer.ts';
import { CONTROL_TOKEN_HEADER, controlAllowed, tokenAccepted } from '../control-access.ts';
import { parseFaults } from '../faults.ts';
import { parseMoney } from '../money.ts';
import type { Call } from './call.ts';
import { resendDelivery, sendEvent } from './control-deliveries.ts';
import { ok, problem, type Body, type Reply } from './control-reply.ts';
import type { Core } from './core.ts';
import { routeNotFound } from './route.ts';

/** Every control route is below the prefix: the prefix alone is no route. */
const ROUTES_AT = `${CONTROL_PREFIX}/`;

type ControlRoute = (core: Core, name: string, body: Body, call: Call) => Reply | Promise<Reply>;

/** The body as a JSON object, `{}` when empty, undefined when it is not one. */
function readJson(bytes: Uint8Array | undefined): Body | undefined {
  const text = bytes ? new TextDecoder().decode(bytes) : '';
  try {
    const value: unknown = text.trim() === '' ? {} : JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs a parser, turning its error into a 400 with its message. */
function parsed<T>(parse: () => T, use: (value: T) => Reply): Reply {
  let value: T;
  try {
    value = parse();
  } catch (error) {
    return problem(400, (error as Error).message);
  }
  return use(value);
}

const deliveries: ControlRoute = ({ state }) => ok(state.view.deliveries());

const ROUTES: Record<string, ControlRoute> = {
  'POST reset': ({ state }) => (state.resetAll(), ok({ reset: 'all' })),
  'GET deliveries': deliveries,
  'GET webhooks': deliveries, // the list's first name
  'POST deliveries': (core, name, body, call) =>
    name === ''
      ? sendEvent(core, body, call.origin)
      : problem(404, `No control route POST ${ROUTES_AT}deliveries/${name}.`),
  'POST deliveries/resend': (core, id) => resendDelivery(core, id),
  'GET accounts': ({ state }, key) => ok(state.books(key)),
  'POST accounts/reset': ({ state }, key) => (state.resetAccount(key), ok({ reset: key })),
  'PUT accounts/balance': ({ state }, key, body) =>
    typeof body.balance !== 'string'
      ? problem(400, 'Send {"balance": "12.50"}: a decimal string.')
      : parsed(
          () => parseMoney(body.balance as string),
          amount => ok(state.setBalance(key, amount)),
        ),
  'PUT accounts/faults': ({ state }, key, body) =>
    typeof body.faults !== 'string'
      ? problem(
          400,
          'Send {"faults": "0.5"} or {"faults": "0.5:service_unavailable,cut"} or {"faults": "off"}.',
        )
      : parsed(
          () => parseFaults(body.faults as string),
          faults => (state.setFaults(key, faults), ok({ key, faults: faults ?? null })),
        ),
  'POST jobs/advance': ({ state }, id, body) => {
    const steps = body.steps;
    if (!state.view.job(id)) return problem(404, `No job '${id}'.`);
    if (steps !== undefined && !(typeof steps === 'number' && Number.isInteger(steps) && steps >= 1))
      return problem(400, 'steps must be a positive integer.');
    state.advanceJob(id, steps);
    return ok({ id });
  },
};

export const isControlPath = (path: string): boolean => path.startsWith(ROUTES_AT);

/** A /_mock/ route, or a 404 as if it did not exist when control is not allowed for this caller. */
export async function answerControl(core: Core, call: Call): Promise<Answer> {
  const { control, controlToken } = core.settings;
  if (!controlAllowed(control, call.input.remoteAddress)) return routeNotFound(call);
  if (!tokenAccepted(controlToken, call.input.headers[CONTROL_TOKEN_HEADER])) return routeNotFound(call);
  const parts = call.path.slice(ROUTES_AT.length).split('/').map(decodeURIComponent);
  const body = readJson(call.input.bytes);
  const route = `${call.method} ${parts[0]}${parts.length > 2 ? '/' + parts.slice(2).join('/') : ''}`;
  const handler = Object.hasOwn(ROUTES, route) ? ROUTES[route] : undefined;
  const result = !body
    ? problem(400, 'The body must be a JSON object.')
    : handler
      ? await handler(core, parts[1] ?? '', body, call)
      : problem(404, `No control route ${call.method} ${call.path}.`);
  return { ...result, note: 'control' };
}
