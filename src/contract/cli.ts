#!/usr/bin/env node
// `mediagen-contract test <base-url>`: the contract suite from a shell or CI, for teams that do not
// write a test around runContractSuite. Exit 0 when every scenario conforms, 1 on a violation, 2 on bad input.
// `mediagen-contract proxy <upstream-url>`: the validating proxy (src/proxy/cli.ts).
import { parseArgs } from 'node:util';
import { usageFailure } from '../kernel/cli.ts';
import { formatReport, runContractSuite } from './suite.ts';

// The proxy is loaded for its command only; runProxyCli never returns, so the suite below does not run.
if (process.argv[2] === 'proxy')
  await import('../proxy/cli.ts').then(cli => cli.runProxyCli(process.argv.slice(3)));

const usage = `Usage: mediagen-contract test <base-url> [options]
       mediagen-contract proxy <upstream-url> [options]   a validating proxy (mediagen-contract proxy --help)
  --key KEY            API key sent as Bearer (default: MEDIAGEN_API_KEY)
  --forced             also run the Prefer scenarios (a mock honours them; a real server cannot)
  --billable           also run scenarios that start (and so pay for) a generation
  --concurrency N      scenarios in flight at once (default 8)
  --help               this text
Exit status: 0 when every scenario conforms, 1 on any violation, 2 on bad input.`;

const fail: (message: string) => never = usageFailure('mediagen-contract', usage);

/** The parsed command line, or a one-line complaint. */
function readArgs() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        key: { type: 'string' },
        forced: { type: 'boolean', default: false },
        billable: { type: 'boolean', default: false },
        concurrency: { type: 'string', default: '8' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    return fail((err as Error).message);
  }
}

const { values, positionals } = readArgs();
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const [command, baseUrl, ...extra] = positionals;
if (command !== 'test')
  fail(command === undefined ? 'missing command: test or proxy' : `unknown command '${command}'`);
if (baseUrl === undefined) fail('missing <base-url>');
if (extra.length > 0) fail(`unexpected argument '${extra[0]}'`);
if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol))
  fail(`<base-url> must be an http(s) URL, got '${baseUrl}'`);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1)
  fail(`--concurrency must be a positive integer, got '${values.concurrency}'`);
const apiKey = values.key ?? process.env.MEDIAGEN_API_KEY;
if (!apiKey) fail('no API key: pass --key or set MEDIAGEN_API_KEY');

const report = await runContractSuite({
  baseUrl: baseUrl.replace(/\/+$/, ''),
  apiKey,
  forced: values.forced,
  billable: values.billable,
  concurrency,
});
console.log(formatReport(report));
process.exit(report.results.some(r => r.violations.length > 0) ? 1 : 0);
