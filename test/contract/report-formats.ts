// Reading the reports back as a CI would: the JUnit XML parsed (its testcases and failures), the SARIF
// validated against the OASIS SARIF 2.1.0 schema (test/vendor/, draft-04, hence ajv-draft-04).
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';

const schema = JSON.parse(
  readFileSync(new URL('../vendor/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv) => void)(ajv);
const validateSarif = ajv.compile(schema);

/** The schema's complaints about a SARIF text, `[]` when it conforms. */
export function sarifErrors(text: string): string[] {
  if (validateSarif(JSON.parse(text))) return [];
  return (validateSarif.errors ?? []).map(e => `${e.instancePath} ${e.message}`);
}

export interface JunitCase {
  name: string;
  classname: string;
  failure?: { message: string; type: string; text: string };
  skipped?: boolean;
}

/** The one testsuite of a JUnit text: its counts as it states them, and its testcases. */
export function readJunit(text: string) {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    textNodeName: 'text',
    isArray: name => name === 'testsuite' || name === 'testcase',
  }).parse(text);
  const suites = parsed.testsuites.testsuite as Record<string, unknown>[];
  if (suites.length !== 1) throw new Error(`expected one testsuite, got ${suites.length}`);
  const suite = suites[0]!;
  const cases = ((suite.testcase ?? []) as Record<string, any>[]).map((c): JunitCase => ({
    name: c.name,
    classname: c.classname,
    ...(c.failure ? { failure: c.failure } : {}),
    ...(c.skipped !== undefined ? { skipped: true } : {}),
  }));
  return {
    tests: Number(suite.tests),
    failures: Number(suite.failures),
    skipped: Number(suite.skipped),
    cases,
  };
}
