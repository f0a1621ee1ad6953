// docs/generators.md cannot drift: it names the openapi-typescript command the build's one constant
// (typesOptions) makes, at the installed version, and every generator of the matrix.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { matrix } from '../../scripts/packages/generators.ts';
import { root } from '../../scripts/root.ts';
import { typesCommand, typesFlags } from '../../scripts/types-command.ts';

const doc = readFileSync(`${root}docs/generators.md`, 'utf8');
const version = JSON.parse(readFileSync(`${root}node_modules/openapi-typescript/package.json`, 'utf8')).version;

test('the docs name the openapi-typescript command that reproduces the shipped types', () => {
  const command = typesCommand(version);
  expect(command).toContain(' --default-non-nullable false');
  expect(doc).toContain(`\n${command}\n`);
  for (const flag of typesFlags().filter(f => f.startsWith('--'))) expect(doc).toContain(`- \`${flag}`);
});

test('the command follows the build constant, so a changed option would fail the check above', () => {
  expect(typesFlags({ exportType: true, readWriteMarkers: true, defaultNonNullable: false })).toEqual([
    '--export-type',
    '--read-write-markers',
    '--default-non-nullable',
    'false',
  ]);
  expect(() => typesFlags({ enum: true, redocly: {} })).toThrow('typesOptions.redocly');
});

test('the docs name every generator of the matrix', () => {
  expect(matrix.filter(name => !doc.includes(`| \`${name}\``))).toEqual([]);
});
