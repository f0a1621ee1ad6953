// The packed contract's validating proxy as its users start it: `npx mediagen-contract proxy <url>` in
// a project that installed @mediagen/contract alone, in front of an upstream (the packed mock). One
// call is forwarded and its answer checked, one outside the contract is reported, and SIGTERM stops it
// with the summary.
import { startUntil, stop } from './run.ts';

const SUMMARY =
  'Proxy summary: 2 responses checked, 0 broke the contract (0 violations), 0 upstream failures, 1 request outside the contract';

/** Waits until `condition` holds, polling; fails naming `what` and showing the output. */
async function waitFor(condition: () => boolean, what: string, output: () => string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms:\n${output()}`);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

/** Runs the check in `project` against `upstream`; returns what it saw, or throws what went wrong. */
export async function checkPackedProxy(project: string, upstream: string): Promise<string> {
  const args = ['--no', '--', 'mediagen-contract', 'proxy', upstream, '--port', '0'];
  const proxy = startUntil('npx', args, project, /listening on (http:\/\/\S+) -> (\S+)/);
  const headers = { authorization: 'Bearer mg_test_packages' };
  let seen: string;
  try {
    const [, url, shown] = await proxy.matched;
    if (shown !== upstream) throw new Error(`the proxy names its upstream ${shown}, not ${upstream}`);
    const balance = await fetch(`${url}/v2/billing/balance`, { headers });
    const body = (await balance.json()) as { balance?: unknown };
    const requestId = balance.headers.get('x-request-id') ?? '';
    if (balance.status !== 200 || typeof body.balance !== 'number' || !requestId.startsWith('req_'))
      throw new Error(`GET /v2/billing/balance through the proxy: ${balance.status} ${JSON.stringify(body)}`);
    const outside = await fetch(`${url}/v2/nope`, { headers });
    await outside.arrayBuffer();
    const line = `GET    /v2/nope ${outside.status} `;
    await waitFor(() => proxy.output().includes(line), `log line for /v2/nope`, proxy.output);
    seen = `balance forwarded (200, ${requestId}), /v2/nope reported outside the contract`;
  } finally {
    await stop(proxy.child);
  }
  if (!proxy.output().includes(`SIGTERM: stopping\n${SUMMARY}`))
    throw new Error(`no summary on SIGTERM (expected "${SUMMARY}"):\n${proxy.output()}`);
  return `${seen}; on SIGTERM: ${SUMMARY.replace('Proxy summary: ', '')}`;
}
