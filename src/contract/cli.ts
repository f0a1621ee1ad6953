#!/usr/bin/env node
// `mediagen-contract`: `test <base-url>` runs the contract suite (src/contract/test-cli.ts), `check
// <file.har>` checks a recorded HAR offline (src/proxy/har-check-cli.ts), `proxy <upstream-url>` runs
// the validating proxy (src/proxy/cli.ts), which never returns. The last two load only when asked for.
import { testCommand } from './test-cli.ts';

const [command, ...rest] = process.argv.slice(2);
if (command === 'proxy') await import('../proxy/cli.ts').then(cli => cli.runProxyCli(rest));
if (command === 'check')
  process.exit(await import('../proxy/har-check-cli.ts').then(cli => cli.checkCommand(rest)));
process.exit(await testCommand(process.argv.slice(2)));
