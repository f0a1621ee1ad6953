// The fixtures table (models, starting balance, test values): its shape, checked when it is loaded,
// so that a bad `--fixtures` file is refused at start with one line naming the problem.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { errorCodes, failureCodes } from '../../generated/catalogue.ts';
import { defaultFixtures } from './fixtures/default.ts';
import type { Fixtures, FixturesInput, Model, ModelFixture } from './fixtures/types.ts';
import { parseMoney } from './money.ts';

export type {
  Capabilities,
  Fixtures,
  FixturesInput,
  Model,
  ModelFixture,
  ModelType,
  TestValue,
  TestValueKind,
} from './fixtures/types.ts';

const strings = { type: 'array', items: { type: 'string', minLength: 1 } };
const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['models'],
  properties: {
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    balance: { type: 'string' },
    models: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'type', 'created_at', 'price', 'capabilities'],
        properties: {
          id: { type: 'string', minLength: 1 },
          name: { type: 'string', minLength: 1 },
          type: { enum: ['image', 'video'] },
          created_at: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
          },
          price: { type: 'string' },
          capabilities: {
            type: 'object',
            additionalProperties: false,
            properties: {
              resolutions: strings,
              aspect_ratios: strings,
              durations: { type: 'array', items: { type: 'integer', minimum: 1 } },
              default_duration: { type: 'integer', minimum: 1 },
              sound: { type: 'boolean' },
            },
          },
        },
      },
    },
    test_values: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'value', 'note'],
        oneOf: [{ required: ['error'] }, { required: ['failure'] }],
        properties: {
          kind: {
            enum: [
              'api_key',
              'model',
              'prompt_tag',
              'media_url',
              'idempotency_key',
              'generation_id',
              'input',
            ],
          },
          value: { type: 'string', minLength: 1 },
          note: { type: 'string' },
          error: { enum: errorCodes },
          failure: { enum: failureCodes },
          reason: { type: 'string' },
          operation: { enum: ['generateImage', 'createVideoGeneration'] },
          body: { type: 'string' },
          content_type: { type: 'string' },
        },
      },
    },
  },
};

const validate = new Ajv({ allErrors: false }).compile(schema);

/** The table as the mock uses it; any problem is thrown as one line starting with `source`. */
export function readFixtures(input: unknown, source = 'fixtures'): Fixtures {
  if (!validate(input)) {
    const e = validate.errors![0]!;
    const allowed =
      e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as string[]).join(', ')})` : '';
    throw new Error(`${source}: ${e.instancePath || '/'} ${e.message}${allowed}`);
  }
  const given = input as Partial<FixturesInput> & { models: ModelFixture[] };
  const models = new Map<string, Model>();
  for (const [i, m] of given.models.entries()) {
    if (models.has(m.id)) throw new Error(`${source}: /models/${i}/id '${m.id}' appears twice`);
    models.set(m.id, { ...m, priceMicro: money(m.price, `${source}: /models/${i}/price`) });
  }
  const testValues = given.test_values ?? defaultFixtures.test_values;
  for (const [i, t] of testValues.entries()) {
    if (t.kind === 'input' && (t.operation === undefined || t.body === undefined))
      throw new Error(`${source}: /test_values/${i} an input test value needs operation and body`);
  }
  return {
    currency: given.currency ?? defaultFixtures.currency,
    balanceMicro: money(given.balance ?? defaultFixtures.balance, `${source}: /balance`),
    models,
    testValues,
  };
}

/** An amount of the table, or an error naming where it is. */
function money(text: string, where: string): number {
  try {
    return parseMoney(text);
  } catch (error) {
    throw new Error(`${where} ${(error as Error).message}`);
  }
}

/** A `--fixtures` JSON file; unreadable, unparsable or ill-shaped files are refused naming the file. */
export function loadFixturesFile(file: string): Fixtures {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`);
  }
  return readFixtures(json, file);
}

export const loadDefaultFixtures = () => readFixtures(defaultFixtures, 'default fixtures');
