#!/usr/bin/env node
// `npm start`: the Mediagen mock on generated/openapi.json. Options: --port (or PORT, default 4010),
// --host (default 127.0.0.1), --job-steps, --job-step-ms, --max-jobs, --quiet, --print-scenarios.
// The webhook secret is MEDIAGEN_WEBHOOK_SECRET, or a fresh one printed at start.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { loadSpec, readContract } from '../contract/spec.ts';
import { scenarioTable } from './scenario-table.ts';
import { startMockServer } from './server.ts';

// `mediagen-mock proxy <upstream-url>`: the validating proxy (src/mock/proxy-cli.ts); it never returns.
if (process.argv[2] === 'proxy') await import('./proxy-cli.ts').then(cli => cli.runProxyCli(process.argv.slice(3)));

const usage = `Usage: mediagen-mock [options]
  --port N             port to listen on (default: PORT, else 4010; 0 picks a free one)
  --host HOST          address to bind (default 127.0.0.1)
  --job-steps N        polls a video generation takes to finish
  --job-step-ms N      ms after which a video generation also moves on by itself
  --max-jobs N         video generations kept in memory (oldest dropped first)
  --quiet              no request log
  --print-scenarios    print the Prefer table of every documented response, and exit
  --help               this text
Environment: PORT, MEDIAGEN_WEBHOOK_SECRET (whsec_…; a fresh one is printed when unset)`;

/** Bad input ends the process with one clear line and the usage, never a stack trace. */
function fail(message: string): never {
  console.error(`mediagen-mock: ${message}\n\n${usage}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'job-steps': { type: 'string' },
      'job-step-ms': { type: 'string' },
      'max-jobs': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'print-scenarios': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }));
} catch (err) {
  fail((err as Error).message);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const spec = loadSpec();
if (values['print-scenarios']) {
  process.stdout.write(scenarioTable(readContract(spec)) + '\n');
  process.exit(0);
}

const number = (name: string, raw: string | undefined) => {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < 0) fail(`--${name} must be a non-negative integer, got '${raw}'`);
  return n;
};

const prismVersion = (createRequire(import.meta.url)('@stoplight/prism-cli/package.json') as { version: string }).version;
const server = await startMockServer({
  spec,
  port: number('port', values.port ?? process.env.PORT) ?? 4010,
  host: values.host,
  ...(process.env.MEDIAGEN_WEBHOOK_SECRET ? { webhookSecret: process.env.MEDIAGEN_WEBHOOK_SECRET } : {}),
  ...(values['job-steps'] !== undefined ? { jobSteps: number('job-steps', values['job-steps']) } : {}),
  ...(values['job-step-ms'] !== undefined ? { stepMs: number('job-step-ms', values['job-step-ms']) } : {}),
  ...(values['max-jobs'] !== undefined ? { maxJobs: number('max-jobs', values['max-jobs']) } : {}),
  ...(values.quiet ? { log: () => {} } : {}),
}).catch((err: NodeJS.ErrnoException) =>
  fail(err.code === 'EADDRINUSE' ? `port ${values.port ?? process.env.PORT ?? 4010} is in use; pass --port or PORT` : err.message),
);

console.log(`Mediagen mock (Prism ${prismVersion}) listening on ${server.url}`);
console.log(
  process.env.MEDIAGEN_WEBHOOK_SECRET
    ? 'Webhook secret: from MEDIAGEN_WEBHOOK_SECRET'
    : `Webhook secret: ${server.webhookSecret} (set MEDIAGEN_WEBHOOK_SECRET to choose it)`,
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    void server.close().then(() => process.exit(0));
  });
}
