// `mediagen-mock webhooks …`: the webhook tools, in the spirit of the Stripe CLI, as a client of a
// running mock's control routes. The running mock sends (not this process): the delivery is signed
// with the secret the mock's receivers already trust (also a fresh one it printed at start), a real
// generation's body is in its state, and the delivery lands in its list, where it can be resent.
import { parseArgs } from 'node:util';
import { CONTROL_PREFIX } from '../../kernel/control-prefix.ts';
import { CONTROL_TOKEN_HEADER } from '../control-access.ts';

export const webhooksUsage = `Usage: mediagen-mock webhooks <command> [options]
  send --url URL         send a signed event to URL, answered with the delivery once attempted
    [--event E]          video.generation.completed (default) or video.generation.failed
    [--code CODE]        the failure code of a failed event (default generation_failed)
    [--generation ID]    a real generation's event, its body as it stands (default: a made-up one)
  resend ID              resend a delivery: same webhook-id and body, fresh timestamp and signature
  list                   the deliveries: body, every attempt with its headers, signature and answer
  --mock URL             the running mock (default http://127.0.0.1:PORT, else port 4010)
  --control-token TOKEN  the mock's control token (default: MEDIAGEN_CONTROL_TOKEN), when it has one`;

const OPTIONS = {
  url: { type: 'string' },
  event: { type: 'string' },
  code: { type: 'string' },
  generation: { type: 'string' },
  mock: { type: 'string' },
  'control-token': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

interface ControlRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: Record<string, string>;
}

/** The control request a command line asks for, or a usage message. */
export function webhooksRequest(args: string[]): ControlRequest | { usage: string } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    return { usage: (error as Error).message };
  }
  const { values, positionals } = parsed;
  const [command, id, ...rest] = positionals;
  if (values.help) return { usage: '' };
  if (rest.length) return { usage: `unexpected ${rest.join(' ')}` };
  if (command === 'list' && id === undefined) return { method: 'GET', path: `${CONTROL_PREFIX}/deliveries` };
  if (command === 'resend' && id !== undefined)
    return { method: 'POST', path: `${CONTROL_PREFIX}/deliveries/${encodeURIComponent(id)}/resend` };
  if (command === 'send' && id === undefined) {
    if (values.url === undefined) return { usage: 'send needs --url URL' };
    const { url, event, code, generation } = values;
    const body = {
      url,
      ...(event ? { event } : {}),
      ...(code ? { code } : {}),
      ...(generation ? { generation } : {}),
    };
    return { method: 'POST', path: `${CONTROL_PREFIX}/deliveries`, body };
  }
  return {
    usage:
      command === undefined
        ? 'name a command: send, resend or list'
        : `no command '${positionals.join(' ')}'`,
  };
}

/** Runs the command against the mock; prints the answer (JSON) or one line; returns the exit code. */
export async function runWebhooksCommand(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const request = webhooksRequest(args);
  if ('usage' in request) {
    const line = request.usage ? `mediagen-mock webhooks: ${request.usage}\n\n` : '';
    (request.usage ? console.error : console.log)(`${line}${webhooksUsage}`);
    return request.usage ? 2 : 0;
  }
  const { values } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  const mock = values.mock ?? `http://127.0.0.1:${env.PORT ?? 4010}`;
  const token = values['control-token'] ?? (env.MEDIAGEN_CONTROL_TOKEN || undefined);
  let res: Response;
  try {
    res = await fetch(new URL(request.path, mock), {
      method: request.method,
      headers: {
        ...(request.body ? { 'content-type': 'application/json' } : {}),
        ...(token !== undefined ? { [CONTROL_TOKEN_HEADER]: token } : {}),
      },
      ...(request.body ? { body: JSON.stringify(request.body) } : {}),
    });
  } catch (error) {
    const { message, cause } = error as Error & { cause?: Error };
    console.error(`mediagen-mock webhooks: no mock answered at ${mock} (${cause?.message ?? message})`);
    return 1;
  }
  const answer = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) {
    console.error(`mediagen-mock webhooks: ${answer?.error?.message ?? `the mock answered ${res.status}`}`);
    return 1;
  }
  console.log(JSON.stringify(answer, null, 2));
  return 0;
}
