// Every example in the contract validates against the schema it illustrates (Ajv2020, formats on).
import { describe, expect, test } from 'vitest';
import { createSpecAjv, specRef } from '../../src/contract/ajv.ts';
import { operations, pointer, resolve, routeNotFound, spec, type Node } from './bundle.ts';

const ajv = createSpecAjv(spec);
const check = (schemaAt: string, value: unknown) => {
  const validate = ajv.getSchema(specRef(schemaAt));
  if (!validate) throw new Error(`no schema at ${schemaAt}`);
  return validate(value) ? [] : (validate.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message}`);
};

const mediaExamples = [
  ...operations.flatMap(op => [...op.requestExamples, ...op.responses.flatMap(r => r.examples)]),
  ...routeNotFound.examples,
];

/** `examples` on header and parameter schemas and on component schemas. */
const schemaExamples: { name: string; schemaAt: string; value: unknown }[] = [];
for (const [kind, field] of [
  ['headers', 'schema'],
  ['parameters', 'schema'],
] as const) {
  for (const [name, node] of Object.entries<Node>(spec.components[kind] ?? {})) {
    // A $ref'd schema is validated at its target (a component schema).
    const schemaAt = node[field].$ref ?? pointer('components', kind, name, field);
    for (const [i, value] of (resolve(node[field]).examples ?? []).entries())
      schemaExamples.push({ name: `${kind}/${name} examples[${i}]`, schemaAt, value });
  }
}
for (const [name, schema] of Object.entries<Node>(spec.components.schemas)) {
  for (const [i, value] of (schema.examples ?? []).entries()) {
    schemaExamples.push({
      name: `schemas/${name} examples[${i}]`,
      schemaAt: pointer('components', 'schemas', name),
      value,
    });
  }
}

describe('named examples of requests and responses', () => {
  test('there are examples of every kind (guards the walk itself)', () => {
    expect(mediaExamples.length).toBeGreaterThan(60);
    expect(schemaExamples.length).toBeGreaterThan(10);
  });
  test.each(mediaExamples.map(e => [e.name, e] as const))('%s', (_, e) => {
    expect(check(e.schemaAt, e.value)).toEqual([]);
  });
});

describe('schema, header and parameter examples', () => {
  test.each(schemaExamples.map(e => [e.name, e] as const))('%s', (_, e) => {
    expect(check(e.schemaAt, e.value)).toEqual([]);
  });
});

describe('the validator is not vacuous', () => {
  const completed = mediaExamples.find(e => e.name === 'POST /v2/images/generations 200 image_completed')!;
  const quota = mediaExamples.find(e => e.name === 'POST /v2/images/generations 402 quota_exceeded')!;

  test('formats are checked (date-time, uri)', () => {
    const broken = structuredClone(completed.value);
    broken.data[0].deletes_at = 'next week';
    broken.data[0].url = 'not a url';
    expect(check(completed.schemaAt, broken)).toEqual([
      '/data/0/url must match format "uri"',
      '/data/0/deletes_at must match format "date-time"',
    ]);
  });

  test('a code outside the response, or a missing typed field, fails', () => {
    const otherCode = structuredClone(quota.value);
    otherCode.error.code = 'rate_limit';
    expect(check(quota.schemaAt, otherCode)).toContain(
      '/error/code must be equal to one of the allowed values',
    );
    const noRequired = structuredClone(quota.value);
    delete noRequired.error.required;
    expect(check(quota.schemaAt, noRequired)).toContain("/error must have required property 'required'");
  });
});
