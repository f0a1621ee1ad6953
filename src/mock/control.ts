// The control routes under /_mock/, for test suites: not part of the contract, answered only when
// the mock was started with control on, or (by default) to callers on loopback or in-process.
//   POST /_mock/reset                        forget every account, job and webhook delivery
//   GET  /_mock/accounts/{key}               the account's books: balance, charged, refunded, running
//   POST /_mock/accounts/{key}/reset         forget one account (its jobs too)
//   PUT  /_mock/accounts/{key}/balance       {"balance": "12.50"}
//   PUT  /_mock/accounts/{key}/faults        {"faults": "0.5:service_unavailable,cut"} ("off" clears)
//   POST /_mock/jobs/{id}/advance            {"steps": 1} (default: to the end)
//   GET  /_mock/webhooks                     the webhook deliveries made, oldest first
import type { Account } from './accounts.ts';
import type { Delivery } from './webhooks.ts';
import type { Job } from './jobs.ts';
import { formatMoney, parseMoney } from './money.ts';
import { parseFaults } from './faults.ts';

export const CONTROL_PREFIX = '/_mock/';
export type ControlAccess = 'loopback' | 'on' | 'off';

export interface ControlDeps {
  currency: string;
  /** The key's account, settled (ended jobs booked). */
  account(key: string): Account;
  resetAccount(key: string): void;
  resetAll(): void;
  job(id: string): Job | undefined;
  advance(job: Job, steps?: number): void;
  deliveries(): readonly Delivery[];
}

export type ControlAnswer = { status: number; body: unknown };

/** In-process callers have no address; loopback is 127.0.0.0/8 and ::1 (also IPv4-mapped). */
export function controlAllowed(access: ControlAccess, remoteAddress: string | undefined): boolean {
  if (access === 'on') return true;
  if (access === 'off') return false;
  return remoteAddress === undefined || remoteAddress === '::1' || /^(::ffff:)?127\./.test(remoteAddress);
}

/** The account's books as decimal strings. */
export function books(account: Account, currency: string) {
  return {
    key: account.key,
    currency,
    balance: formatMoney(account.balance),
    start: formatMoney(account.start),
    charged: formatMoney(account.charged),
    refunded: formatMoney(account.refunded),
    running: account.running.size,
    jobs: [...account.jobs],
  };
}

/** A control route's own error (not the API's envelope: these routes are not in the contract). */
const problem = (status: number, message: string): ControlAnswer => ({
  status,
  body: { error: { message } },
});

/** The body as a JSON object, `{}` when empty, undefined when it is not one. */
function readJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = text.trim() === '' ? {} : JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The answer to a control request; `path` starts with the prefix. */
export function answerControl(
  method: string,
  path: string,
  bodyText: string,
  deps: ControlDeps,
): ControlAnswer {
  const parts = path.slice(CONTROL_PREFIX.length).split('/').map(decodeURIComponent);
  const body = readJson(bodyText);
  if (!body) return problem(400, 'The body must be a JSON object.');
  const route = `${method} ${parts[0]}${parts.length > 2 ? '/' + parts.slice(2).join('/') : ''}`;
  const name = parts[1] ?? '';
  switch (route) {
    case 'POST reset':
      deps.resetAll();
      return { status: 200, body: { reset: 'all' } };
    case 'GET webhooks':
      return { status: 200, body: deps.deliveries() };
    case 'GET accounts':
      return { status: 200, body: books(deps.account(name), deps.currency) };
    case 'POST accounts/reset':
      deps.resetAccount(name);
      return { status: 200, body: { reset: name } };
    case 'PUT accounts/balance': {
      if (typeof body.balance !== 'string')
        return problem(400, 'Send {"balance": "12.50"}: a decimal string.');
      let amount: number;
      try {
        amount = parseMoney(body.balance);
      } catch (error) {
        return problem(400, (error as Error).message);
      }
      const account = deps.account(name);
      // Setting a balance starts the books again from it.
      Object.assign(account, { start: amount, balance: amount, charged: 0, refunded: 0 });
      return { status: 200, body: books(account, deps.currency) };
    }
    case 'PUT accounts/faults': {
      if (typeof body.faults !== 'string')
        return problem(
          400,
          'Send {"faults": "0.5"} or {"faults": "0.5:service_unavailable,cut"} or {"faults": "off"}.',
        );
      try {
        const faults = parseFaults(body.faults);
        const account = deps.account(name);
        if (faults) account.faults = faults;
        else delete account.faults;
        return { status: 200, body: { key: name, faults: faults ?? null } };
      } catch (error) {
        return problem(400, (error as Error).message);
      }
    }
    case 'POST jobs/advance': {
      const job = deps.job(name);
      if (!job) return problem(404, `No job '${name}'.`);
      const steps = body.steps;
      if (steps !== undefined && !(Number.isInteger(steps) && (steps as number) >= 1))
        return problem(400, 'steps must be a positive integer.');
      deps.advance(job, steps as number | undefined);
      return { status: 200, body: { id: job.id } };
    }
    default:
      return problem(404, `No control route ${method} ${path}.`);
  }
}
