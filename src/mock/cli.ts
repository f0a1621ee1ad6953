#!/usr/bin/env node
// `npm start`: the Mediagen mock on generated/openapi.json. Options: see `usage` in cli-options.ts.
// The webhook secret is MEDIAGEN_WEBHOOK_SECRET, or a fresh one printed at start.
import { createRequire } from 'node:module';
import { loadSpec, readContract } from '../kernel/index.ts';
import { stopOnSignals, usageFailure } from '../kernel/cli.ts';
import { parseMockArgs, usage, UsageError, type CliCommand } from './cli-options.ts';
import { loadDefaultFixtures, readFixtures } from './fixtures.ts';
import { scenarioTable } from './scenario-table.ts';
import { startMockServer } from './adapters/http.ts';
import { testValueTable } from './test-value-table.ts';

const fail: (message: string) => never = usageFailure('mediagen-mock', usage);

let command: CliCommand;
try {
  command = parseMockArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  fail(error.message);
}
if (command.kind === 'help') {
  console.log(usage);
  process.exit(0);
}

const spec = loadSpec();
if (command.kind === 'print-scenarios') {
  process.stdout.write(scenarioTable(readContract(spec)) + '\n');
  process.exit(0);
}
if (command.kind === 'print-test-values') {
  const given = command.options.fixtures;
  const fixtures = !given ? loadDefaultFixtures() : 'balanceMicro' in given ? given : readFixtures(given);
  process.stdout.write(testValueTable(fixtures) + '\n');
  process.exit(0);
}

const options = command.options;
const prismVersion = (
  createRequire(import.meta.url)('@stoplight/prism-cli/package.json') as { version: string }
).version;
const server = await startMockServer({ spec, ...options }).catch((err: NodeJS.ErrnoException) =>
  fail(err.code === 'EADDRINUSE' ? `port ${options.port} is in use; pass --port or PORT` : err.message),
);

console.log(`Mediagen mock (Prism ${prismVersion}) listening on ${server.url}`);
console.log(
  process.env.MEDIAGEN_WEBHOOK_SECRET
    ? 'Webhook secret: from MEDIAGEN_WEBHOOK_SECRET'
    : `Webhook secret: ${server.webhookSecret} (set MEDIAGEN_WEBHOOK_SECRET to choose it)`,
);
console.log(
  'Test values (API keys, models, prompt tags, URLs for every error and failure): README "Testing against the mock", or --print-test-values',
);

stopOnSignals(() => server.close());
