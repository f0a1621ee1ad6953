// `mediagen-contract test` takes the server's webhook secret from MEDIAGEN_WEBHOOK_SECRET, so the
// webhook workflow can verify what it receives; without it that workflow is skipped (no secret sent).
import { expect, it } from 'vitest';
import { parseTestArgs } from '../../src/contract/test-cli.ts';

const suiteOf = (env: NodeJS.ProcessEnv) => {
  const args = parseTestArgs(['test', 'http://127.0.0.1:4010'], { MEDIAGEN_API_KEY: 'mg_test_123', ...env });
  if (args === 'help') throw new Error('help');
  return args.suite;
};

it('hands MEDIAGEN_WEBHOOK_SECRET to the suite', () => {
  expect(suiteOf({ MEDIAGEN_WEBHOOK_SECRET: 'whsec_dGVzdA==' }).webhookSecret).toBe('whsec_dGVzdA==');
});

it('gives no secret when the variable is unset or empty', () => {
  expect(suiteOf({}).webhookSecret).toBeUndefined();
  expect(suiteOf({ MEDIAGEN_WEBHOOK_SECRET: '' }).webhookSecret).toBeUndefined();
});
