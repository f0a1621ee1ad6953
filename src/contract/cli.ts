#!/usr/bin/env node
// `mediagen-contract test <base-url>`: the contract suite from a shell or CI, for teams that do not
// write a test around runContractSuite. Exit 0 when every scenario conforms, 1 on a violation, 2 on bad input.
// `mediagen-contract proxy <upstream-url>`: the validating proxy (src/proxy/cli.ts).
import { parseArgs } from 'node:util';
import { usageFailure } from '../kernel/cli.ts';
import { guideUrl } from '../kernel/links.ts';
import { redactor } from '../proxy/redact.ts';
import { DEFAULT_ANSWER_LIMITS } from './answer-limits.ts';
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
  --timeout MS         time for one whole answer (default ${DEFAULT_ANSWER_LIMITS.timeoutMs})
  --max-answer-bytes N bytes of one answer read (default ${DEFAULT_ANSWER_LIMITS.maxAnswerBytes})
  --help               this text
Exit status: 0 when every scenario conforms, 1 on any violation, 2 on bad input.
Docs: ${guideUrl('contractTests')}`;

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
        timeout: { type: 'string' },
        'max-answer-bytes': { type: 'string' },
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

/** A count option's value, checked: digits only, at least 1, a safe integer. */
function count(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) fail(`--${name} must be a positive integer, got '${text}'`);
  return value;
}
const concurrency = count('concurrency', values.concurrency);
const timeoutMs = count('timeout', values.timeout);
const maxAnswerBytes = count('max-answer-bytes', values['max-answer-bytes']);
if (values.key !== undefined && values.key.trim() === '') fail('--key must not be empty');
const apiKey = values.key ?? process.env.MEDIAGEN_API_KEY;
if (!apiKey) fail('no API key: pass --key or set MEDIAGEN_API_KEY');

const report = await runContractSuite({
  baseUrl: baseUrl.replace(/\/+$/, ''),
  apiKey,
  forced: values.forced,
  billable: values.billable,
  concurrency,
  timeoutMs,
  maxAnswerBytes,
});
// A server may echo the key back in an answer the report quotes.
console.log(redactor(apiKey)(formatReport(report)));
process.exit(report.results.some(r => r.violations.length > 0) ? 1 : 0);
