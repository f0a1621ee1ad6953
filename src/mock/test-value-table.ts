// The test values of the fixtures as a markdown table: printed by `npm start -- --print-test-values`,
// kept in README.md between the markers below (a test checks it is current) and rendered as the
// "Testing against the mock" page of the docs site. One table, read from the fixtures.
import { errorCatalogue } from '../../generated/catalogue.ts';
import type { Fixtures, TestValue, TestValueKind } from './fixtures.ts';
import { formatMoney } from './money.ts';
import { requestText, tryRequest } from './test-value-requests.ts';

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
/** The row's request (`test-value-requests.ts`), as code. */
const shown = (t: TestValue, fixtures: Fixtures) => `\`${cell(requestText(tryRequest(t, fixtures)))}\``;

/** What the test value makes the mock answer, as a table cell. */
function effect(t: TestValue): string {
  if (t.failure !== undefined) return `video \`failed\`: \`${t.failure}\``;
  const status = errorCatalogue[t.error].status;
  return `${status} \`${t.error}\`${t.reason ? ` (\`reason: ${t.reason}\`)` : ''}`;
}

/** The table, one row per test value, errors first in catalogue order, then failures. */
export function testValueTable(fixtures: Fixtures): string {
  const rows = fixtures.testValues.map(
    t =>
      `| ${WHERE[t.kind]} | \`${cell(t.value)}\` | ${effect(t)} | ${cell(t.note)} | ${shown(t, fixtures)} |`,
  );
  return [
    TEST_VALUES_START,
    '| where | test value | answer | when | a request that shows it |',
    '|---|---|---|---|---|',
    ...rows,
    TEST_VALUES_END,
  ].join('\n');
}

/** The models table: what each supports and costs (GET /v2/models lists the same, in pixels). */
export function modelTable(fixtures: Fixtures): string {
  const rows = [...fixtures.models.values()].map(m => {
    const c = m.capabilities;
    const sizes = Object.entries(c.resolutions).map(
      ([name, rule]) => `${name} (${rule.side} side ${rule.pixels})`,
    );
    const options = [
      `resolutions ${sizes.join(', ')}, default ${c.default_resolution}`,
      `aspect ratios ${c.aspect_ratios.join(', ')}, default ${c.default_aspect_ratio}`,
      c.durations && `durations ${c.durations.join(', ')} s, default ${c.default_duration}`,
      c.sound !== undefined && `sound ${c.sound ? 'yes' : 'no'}`,
      c.fps !== undefined && `${c.fps} fps`,
      `files kept ${c.retention_hours} h`,
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
      [
        `**${WHERE[kind]}**`,
        '',
        ...values.map(t => `- \`${t.value}\` → ${effect(t)}: ${t.note}; try ${shown(t, fixtures)}`),
      ].join('\n'),
    )
    .join('\n\n');
}
