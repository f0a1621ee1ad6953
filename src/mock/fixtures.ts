// The fixtures table (models, starting balance, test values): its shape, checked when it is loaded,
// so that a bad `--fixtures` file is refused at start with one line naming the problem.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { errorCodes, failureCodes, type ErrorCode, type FailureCode } from '../../generated/catalogue.ts';
import { defaultFixtures } from './fixtures/default.ts';
import { parseMoney } from './money.ts';

export type ModelType = 'image' | 'video';
export type TestValueKind =
  'api_key' | 'model' | 'prompt_tag' | 'media_url' | 'idempotency_key' | 'generation_id' | 'input';

export interface Capabilities {
  resolutions?: string[];
  aspect_ratios?: string[];
  /** Video lengths in seconds the model makes. */
  durations?: number[];
  default_duration?: number;
  /** Whether the model can make an audio track. */
  sound?: boolean;
}

export interface ModelFixture {
  id: string;
  name: string;
  type: ModelType;
  created_at: string;
  /** Per image, or per second of video, as a decimal string in the fixtures' currency. */
  price: string;
  capabilities: Capabilities;
}

/** A value a person can type that makes the mock answer one error code, or fail a video with one failure code. */
export type TestValue = {
  kind: TestValueKind;
  value: string;
  note: string;
  reason?: string;
  /** For `input`: the operation and raw body that show it. */
  operation?: 'generateImage' | 'createVideoGeneration';
  body?: string;
  content_type?: string;
} & ({ error: ErrorCode; failure?: undefined } | { failure: FailureCode; error?: undefined });

export interface FixturesInput {
  currency: string;
  balance: string;
  models: ModelFixture[];
  test_values: TestValue[];
}

export interface Model extends ModelFixture {
  priceMicro: number;
}

export interface Fixtures {
  currency: string;
  balanceMicro: number;
  models: Map<string, Model>;
  testValues: TestValue[];
}

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
