// Plain Prism, in-process and silent (prism-http-server with the config `prism mock` uses): the
// strictest baseline for bench/mock.ts, without the CLI's log formatting cost.
import { startPlainPrism } from './plain-prism.ts';

const port = Number(process.argv[2] ?? 0);
const server = await startPlainPrism(port);
console.log(`listening on ${server.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void server.close().then(() => process.exit(0)));
