// The bundle users receive (generated/openapi.json, and the .yaml beside it) lints clean in the
// tools they already have: Redocly's recommended-strict and Spectral's spectral:oas, zero warnings.
// Spectral's OWASP API security ruleset runs in the same pass: each of its findings is either fixed
// or listed with its reason in lint/owasp-accepted.yaml, and the two must agree, so a new finding
// (or a fixed one still listed) fails.
import { readFile } from 'node:fs/promises';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import spectralCore from '@stoplight/spectral-core';
import owasp from '@stoplight/spectral-owasp-ruleset';
import Parsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { beforeAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { root } from '../../scripts/root.ts';

const { Spectral, Document } = spectralCore;
const bundle = `${root}generated/openapi.json`;
type Accepted = { rule: string; reason: string; at: string[] }[];

let source = '';
let spectral: { code: string; path: string; message: string }[] = [];
beforeAll(async () => {
  source = await readFile(bundle, 'utf8');
  const linter = new Spectral();
  linter.setRuleset({ extends: [oas, owasp] } as never);
  const results = await linter.run(new Document(source, Parsers.Json, bundle));
  spectral = results.map(r => ({ code: String(r.code), path: r.path.join('.'), message: r.message }));
});

test('the .yaml bundle is the .json one', async () => {
  expect(parse(await readFile(`${root}generated/openapi.yaml`, 'utf8'))).toEqual(JSON.parse(source));
});

test("Redocly's recommended-strict: no problem", async () => {
  const config = await createConfig({ extends: ['recommended-strict'] });
  const problems = await lintFromString({ source, absoluteRef: bundle, config });
  expect(problems.map(p => `${p.ruleId}: ${p.message} (${p.location[0]?.pointer})`)).toEqual([]);
});

test("Spectral's spectral:oas: no error, warning or hint", () => {
  const found = spectral.filter(r => !r.code.startsWith('owasp:'));
  expect(found.map(r => `${r.code}: ${r.message} (${r.path})`)).toEqual([]);
});

test('the OWASP findings are exactly those lint/owasp-accepted.yaml lists, each with a reason', async () => {
  const accepted: Accepted = parse(await readFile(`${root}lint/owasp-accepted.yaml`, 'utf8'));
  for (const group of accepted) expect(group.reason, group.rule).toMatch(/\S/);
  const listed = accepted.flatMap(g => g.at.map(at => `${g.rule} ${at}`));
  const found = [
    ...new Set(spectral.filter(r => r.code.startsWith('owasp:')).map(r => `${r.code} ${r.path}`)),
  ];
  expect(new Set(listed).size, 'a finding listed twice').toBe(listed.length);
  expect(
    found.filter(f => !listed.includes(f)),
    'new findings: fix them, or list them with a reason',
  ).toEqual([]);
  expect(
    listed.filter(l => !found.includes(l)),
    'listed but no longer found: remove them',
  ).toEqual([]);
});
