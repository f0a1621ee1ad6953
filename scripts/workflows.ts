// `npm run workflows -- <base-url> --key <key>`: every workflow of the contract under `redocly respect`
// (scripts/respect.ts), exit non-zero when one fails. `npm run workflows -- --mock` runs them against a
// mock started on 127.0.0.1, port 0, and stopped afterwards (CI). `--workflow ID` (repeatable) picks
// some; `--real-server` leaves out those that need the mock; `--max-time MS` bounds the whole run.
// Bad usage exits 2 naming the option.
import { parseArgs } from 'node:util';
import { respectWorkflows } from './respect.ts';

const usage =
  'Usage: npm run workflows -- <base-url> --key <key> [--real-server] | --mock [--workflow ID ...] [--max-time MS]';

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      key: { type: 'string' },
      mock: { type: 'boolean' },
      'real-server': { type: 'boolean' },
      workflow: { type: 'string', multiple: true },
      'max-time': { type: 'string' },
    },
  });
  const maxTime = values['max-time'];
  if (maxTime !== undefined && !/^[1-9]\d*$/.test(maxTime))
    throw new Error(`--max-time: '${maxTime}' is not a positive number of milliseconds`);
  const base = positionals[0];
  if (values.mock ? positionals.length > 0 || values.key : positionals.length !== 1 || !values.key)
    throw new Error('give a base URL and --key, or --mock alone');
  if (values.mock && values['real-server']) throw new Error('--real-server: not with --mock');
  if (base !== undefined && !/^https?:\/\/[^/]/.test(base))
    throw new Error(`<base-url>: '${base}' is not an http(s) URL`);
  const realServer = values['real-server'] === true;
  return {
    base,
    key: values.key,
    mock: values.mock === true,
    realServer,
    workflows: values.workflow,
    maxTime,
  };
}

let given: ReturnType<typeof options>;
try {
  given = options();
} catch (error) {
  console.error(`workflows: ${(error as Error).message}\n${usage}`);
  process.exit(2);
}
// Prism is loaded for --mock only: a usage error or a real server need not wait for it.
const mock = given.mock
  ? await import('../src/mock/index.ts').then(m =>
      m.startMockServer({ port: 0, host: '127.0.0.1', log: () => {} }),
    )
  : undefined;
try {
  const { code } = await respectWorkflows({
    baseUrl: mock?.url ?? given.base!,
    apiKey: given.key ?? `mg_test_workflows_${Date.now()}`,
    ...(given.workflows ? { workflows: given.workflows } : {}),
    realServer: given.realServer,
    ...(given.maxTime ? { maxTimeMs: Number(given.maxTime) } : {}),
  });
  process.exitCode = code ?? 1;
} finally {
  await mock?.close();
}
