// Plain Prism as `prism mock` runs it (prism-http-server, same config), in-process on a free port:
// the baseline the mock's corrections and the benchmark are measured against.
import { createLogger } from '@stoplight/prism-core';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http';
import { createServer } from '@stoplight/prism-http-server';
import { loadSpec } from '../src/kernel/load.ts';

export async function startPlainPrism(port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const operations = await getHttpOperationsFromSpec(loadSpec() as never);
  const logger = createLogger('plain', { level: 'silent' });
  const server = createServer(operations, {
    cors: true,
    components: { logger },
    config: {
      mock: { dynamic: false },
      validateRequest: true,
      validateResponse: true,
      checkSecurity: true,
      errors: false,
      upstreamProxy: undefined,
      isProxy: false,
    },
  });
  const address = await server.listen(port, '127.0.0.1');
  return { url: address, close: () => server.close() };
}
