#!/usr/bin/env node
// `npm start`: the Mediagen mock on generated/openapi.json. Options: see `usage` in cli-options.ts.
// The webhook secret is MEDIAGEN_WEBHOOK_SECRET, or a fresh one printed at start. `mediagen-mock
// webhooks …` is the webhook tools (webhooks/cli.ts), a client of a running mock.
import { createRequire } from 'node:module';
import { loadSpec, readContract } from '../kernel/index.ts';
import { stopOnSignals, usageFailure } from '../kernel/cli.ts';
import { guideUrl } from '../kernel/links.ts';
import { parseMockArgs, usage, UsageError, type CliCommand } from './cli-options.ts';
import { loadDefaultFixtures, readFixtures } from './fixtures.ts';
import { scenarioTable } from './scenario-table.ts';
import { startMockServer } from './adapters/http.ts';
import { testValueTable } from './test-value-table.ts';
import { StateFileError } from './state/state-file.ts';
import { runWebhooksCommand } from './webhooks/cli.ts';

const fail: (message: string) => never = usageFailure('mediagen-mock', usage);

if (process.argv[2] === 'webhooks') process.exit(await runWebhooksCommand(process.argv.slice(3)));

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
const server = await startMockServer({ spec, ...options }).catch((err: NodeJS.ErrnoException) => {
  // A state file that cannot be used is one line: the usage would only hide it.
  if (err instanceof StateFileError) {
    console.error(`mediagen-mock: ${err.message}`);
    process.exit(2);
  }
  return fail(
    err.code === 'EADDRINUSE' ? `port ${options.port} is in use; pass --port or PORT` : err.message,
  );
});

console.log(`Mediagen mock (Prism ${prismVersion}) listening on ${server.url}`);
console.log(
  process.env.MEDIAGEN_WEBHOOK_SECRET
    ? 'Webhook secret: from MEDIAGEN_WEBHOOK_SECRET'
    : `Webhook secret: ${server.webhookSecret} (set MEDIAGEN_WEBHOOK_SECRET to choose it)`,
);
const { accounts, jobs } = server.state.sizes();
console.log(
  options.stateFile
    ? `State: kept in ${options.stateFile} (${accounts} accounts, ${jobs} jobs restored)`
    : 'State: in memory only (lost when the mock stops; --state FILE keeps it across restarts)',
);
console.log(
  `Test values (API keys, models, prompt tags, URLs for every error and failure): ${guideUrl('testValues')}, or --print-test-values`,
);

stopOnSignals(() => server.close());
