// The test values of the fixtures as a markdown table: printed by `npm start -- --print-test-values`,
// kept in README.md between the markers below (a test checks it is current) and rendered as the
// "Testing against the mock" page of the docs site. One table, read from the fixtures.
import { errorCatalogue } from '../../generated/catalogue.ts';
import type { Fixtures, TestValue, TestValueKind } from './fixtures.ts';
import { formatMoney } from './money.ts';

export const TEST_VALUES_START =
  '<!-- mock-test-values:start (generated: npm start -- --print-test-values) -->';
export const TEST_VALUES_END = '<!-- mock-test-values:end -->';
export const TESTING_SECTION = 'Testing against the mock';

const WHERE: Record<TestValueKind, string> = {
  api_key: 'API key (`Authorization: Bearer …`)',
  model: '`model`',
  prompt_tag: 'in `prompt`',
  media_url: '`images[].url`',
  idempotency_key: '`Idempotency-Key`',
  generation_id: 'generation id',
  input: 'request',
};

const cell = (text: string) => text.replaceAll('|', '\\|');

/** What the test value makes the mock answer, as a table cell. */
function effect(t: TestValue): string {
  if (t.failure !== undefined) return `video \`failed\`: \`${t.failure}\``;
  const status = errorCatalogue[t.error].status;
  return `${status} \`${t.error}\`${t.reason ? ` (\`reason: ${t.reason}\`)` : ''}`;
}

/** The table, one row per test value, errors first in catalogue order, then failures. */
export function testValueTable(fixtures: Fixtures): string {
  const rows = fixtures.testValues.map(
    t => `| ${WHERE[t.kind]} | \`${cell(t.value)}\` | ${effect(t)} | ${cell(t.note)} |`,
  );
  return [
    TEST_VALUES_START,
    '| where | test value | answer | when |',
    '|---|---|---|---|',
    ...rows,
    TEST_VALUES_END,
  ].join('\n');
}

/** The models table: what each supports and costs. */
export function modelTable(fixtures: Fixtures): string {
  const rows = [...fixtures.models.values()].map(m => {
    const c = m.capabilities;
    const options = [
      c.resolutions && `resolutions ${c.resolutions.join(', ')}`,
      c.durations && `durations ${c.durations.join(', ')} s`,
      c.sound !== undefined && `sound ${c.sound ? 'yes' : 'no'}`,
    ]
      .filter(Boolean)
      .join('; ');
    return `| \`${m.id}\` | ${m.type} | ${m.price} ${fixtures.currency} per ${m.type === 'video' ? 'second' : 'image'} | ${options} |`;
  });
  return ['| model | type | price | supports |', '|---|---|---|---|', ...rows].join('\n');
}

/** The docs site's page: how the mock behaves, its models and its test values. */
export function testingPage(fixtures: Fixtures): string {
  return [
    `# ${TESTING_SECTION}`,
    'The mock (`npm start`, or `createMockFetch` and MSW handlers in-process) behaves like the API: each API key is its own ' +
      `account, created on first use with ${formatMoney(fixtures.balanceMicro)} ${fixtures.currency}; generations are checked against the models below and charged; ` +
      'a failed video is refunded; requests per minute and running videos per key are limited; an `Idempotency-Key` replays. ' +
      'The values below reach every error code and every video failure code without any special header, from a real UI.',
    modelTable(fixtures),
    testValueList(fixtures),
  ].join('\n\n');
}

/** The test values grouped by where they are typed, as lists: a four-column table is unreadable in the docs' middle column. */
export function testValueList(fixtures: Fixtures): string {
  const groups = new Map<TestValueKind, TestValue[]>();
  for (const t of fixtures.testValues) groups.set(t.kind, [...(groups.get(t.kind) ?? []), t]);
  return [...groups]
    .map(([kind, values]) =>
      [`**${WHERE[kind]}**`, '', ...values.map(t => `- \`${t.value}\` → ${effect(t)}: ${t.note}`)].join('\n'),
    )
    .join('\n\n');
}
