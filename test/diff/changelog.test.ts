// CHANGELOG.md sections from the diff: breaking, added, changed, deprecated; entries under their
// error codes or operations, linked to the docs.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { errorCatalogue } from '../../generated/catalogue.ts';
import { bundleTree } from '../../src/bundle/bundle.ts';
import { renderRelease, withRelease } from '../../src/diff/changelog.ts';
import { diffContracts } from '../../src/diff/diff.ts';
import { rows } from '../../src/diff/fixtures/edits.ts';
import { scratchContract } from '../../src/diff/fixtures/scratch.ts';
import { repo } from './workspace.ts';

let section = '';
beforeAll(async () => {
  const scratch = await scratchContract(repo);
  try {
    const edits = [
      'response field removed',
      'error code added to a response',
      'error code becomes retryable',
      'operation deprecated',
      'video failure code added',
    ].flatMap(name => rows.find(row => row.name === name)!.edits);
    await scratch.apply(edits);
    const head = await bundleTree(scratch.dir);
    section = renderRelease(
      diffContracts({ spec: await bundleTree(repo), dir: repo }, { spec: head, dir: scratch.dir }),
      head,
      { version: '3.0.0', date: '2026-11-23', base: 'v2.0.0' },
    );
  } finally {
    await scratch.remove();
  }
});

describe('changelog', () => {
  test('lists each change under its section, its operations or codes, with docs links', () => {
    expect(section).toBe(
      [
        '## 3.0.0 (2026-11-23)',
        '',
        'Compared with v2.0.0.',
        '',
        '### Breaking',
        '',
        '- [`getBalance`](https://docs.mediagen.example/#/billing/getbalance): field `currency` removed from the 200 response (breaks clients)',
        '',
        '### Added',
        '',
        '- [`model_access_denied`](https://docs.mediagen.example/#error-model_access_denied) (on [`listModels`](https://docs.mediagen.example/#/models/listmodels), [`getBalance`](https://docs.mediagen.example/#/billing/getbalance)): the 403 response may carry error code `model_access_denied` (clients without it see `api_unknown`)',
        '- [`queue_full`](https://docs.mediagen.example/#failure-queue_full): new video failure code `queue_full` (clients without it see `task_failed_unknown`)',
        '',
        '### Changed',
        '',
        '- [`quota_exceeded`](https://docs.mediagen.example/#error-quota_exceeded) (on [`generateImage`](https://docs.mediagen.example/#/images/generateimage), [`createVideoGeneration`](https://docs.mediagen.example/#/videos/createvideogeneration)): error code `quota_exceeded` is now retryable',
        '',
        '### Deprecated',
        '',
        '- [`getBalance`](https://docs.mediagen.example/#/billing/getbalance): GET /v2/billing/balance is deprecated',
        '',
      ].join('\n'),
    );
    expect(section).toContain(errorCatalogue.quota_exceeded.docUrl);
  });

  test('the first release (no release to compare with) says so', () => {
    expect(renderRelease([], {} as never, { version: '2.0.0', date: '2026-11-23' })).toBe(
      '## 2.0.0 (2026-11-23)\n\nFirst release of the contract.\n',
    );
  });

  test('a release goes first, and running it again replaces its own section', () => {
    const first = withRelease('', section, '3.0.0');
    expect(first.startsWith('# Changelog\n')).toBe(true);
    const older = section.replace('## 3.0.0', '## 2.0.0');
    const both = withRelease(withRelease(first, older, '2.0.0'), section, '3.0.0');
    expect(both.match(/^## .*/gm)).toEqual(['## 3.0.0 (2026-11-23)', '## 2.0.0 (2026-11-23)']);
    expect(withRelease(both, section, '3.0.0')).toBe(both);
  });
});
