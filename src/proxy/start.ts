// The validating proxy: forwards every request to an upstream (staging, production) unchanged and
// checks every answer with the contract validators. Observe mode passes answers on and reports what
// breaks the contract; strict mode replaces such an answer by a contract-valid 502 naming the
// violations. An upstream that gives no usable answer gets the caller a contract-valid 502 or 504.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerMalformedHttp } from '../kernel/malformed-http.ts';
import { boundServer, serverOptions } from '../kernel/server-limits.ts';
import { contextOf, type ProxyContext } from './context.ts';
import { requestHandler } from './handle.ts';
import type { ProxyOptions, ValidatingProxy } from './types.ts';

/** Listens on `port` and `host`; on failure (a port in use) releases what the context holds. */
async function listen(server: Server, ctx: ProxyContext, port: number, host: string): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  }).catch(async (error: Error) => {
    ctx.upstream.agent.destroy();
    await ctx.report.close();
    throw error;
  });
  return server.address() as AddressInfo;
}

export async function startProxy(options: ProxyOptions): Promise<ValidatingProxy> {
  const ctx = contextOf(options);
  const server = createServer(serverOptions(ctx.serverLimits), requestHandler(ctx));
  boundServer(server, ctx.serverLimits);
  answerMalformedHttp(server);
  const address = await listen(server, ctx, options.port ?? 4010, options.host ?? '127.0.0.1');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    upstream: ctx.label,
    report: ctx.report,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>(resolve => server.close(() => resolve()));
        server.closeAllConnections();
        ctx.upstream.agent.destroy();
        await closed;
        await ctx.report.close();
      })();
      return closing;
    },
  };
}
