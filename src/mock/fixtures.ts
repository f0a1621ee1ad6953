// The fixtures table (models, starting balance, test values): its shape, checked when it is loaded,
// so that a bad `--fixtures` file is refused at start with one line naming the problem.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { errorCodes, failureCodes } from '../../generated/catalogue.ts';
import { defaultFixtures } from './fixtures/default.ts';
import {
  TEST_VALUE_OPERATIONS,
  type Fixtures,
  type FixturesInput,
  type Model,
  type ModelFixture,
} from './fixtures/types.ts';
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
  TestValueOperation,
  SideRule,
} from './fixtures/types.ts';

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
            required: [
              'resolutions',
              'default_resolution',
              'aspect_ratios',
              'default_aspect_ratio',
              'retention_hours',
            ],
            properties: {
              resolutions: {
                type: 'object',
                minProperties: 1,
                additionalProperties: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['side', 'pixels'],
                  properties: { side: { enum: ['short', 'long'] }, pixels: { type: 'integer', minimum: 2 } },
                },
              },
              default_resolution: { type: 'string' },
              aspect_ratios: {
                type: 'array',
                minItems: 1,
                items: { type: 'string', pattern: '^[1-9]\\d*:[1-9]\\d*$' },
              },
              default_aspect_ratio: { type: 'string' },
              retention_hours: { type: 'number', exclusiveMinimum: 0 },
              durations: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 1 } },
              default_duration: { type: 'integer', minimum: 1 },
              sound: { type: 'boolean' },
              fps: { type: 'number', exclusiveMinimum: 0 },
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
        required: ['kind', 'value', 'note', 'operation'],
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
          operation: { enum: TEST_VALUE_OPERATIONS },
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
    const problem = capabilityProblem(m);
    if (problem) throw new Error(`${source}: /models/${i}/capabilities/${problem}`);
    models.set(m.id, { ...m, priceMicro: money(m.price, `${source}: /models/${i}/price`) });
  }
  const testValues = given.test_values ?? defaultFixtures.test_values;
  for (const [i, t] of testValues.entries()) {
    if (t.kind === 'input' && t.body === undefined)
      throw new Error(`${source}: /test_values/${i} an input test value needs a body`);
  }
  return {
    currency: given.currency ?? defaultFixtures.currency,
    balanceMicro: money(given.balance ?? defaultFixtures.balance, `${source}: /balance`),
    models,
    testValues,
  };
}

/** What the capabilities say that cannot be: a default they do not offer, a video without its video facts. */
function capabilityProblem(m: ModelFixture): string | undefined {
  const c = m.capabilities;
  if (!Object.hasOwn(c.resolutions, c.default_resolution))
    return `default_resolution '${c.default_resolution}' is not one of resolutions`;
  if (!c.aspect_ratios.includes(c.default_aspect_ratio))
    return `default_aspect_ratio '${c.default_aspect_ratio}' is not one of aspect_ratios`;
  if (m.type !== 'video') return undefined;
  for (const field of ['durations', 'default_duration', 'sound', 'fps'] as const)
    if (c[field] === undefined) return `${field} is needed for a video model`;
  if (!c.durations!.includes(c.default_duration!))
    return `default_duration ${c.default_duration} is not one of durations`;
  return undefined;
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
