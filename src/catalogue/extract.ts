// The error catalogue is not written anywhere but in openapi/: each error code is one schema in
// components/schemas/errors (codes/ for HTTP errors, task-codes/ for video generation failures)
// whose `code` constant, `type` constant, `x-status`, `x-retryable` and `x-action` are the facts.
// This module reads those schemas out of the bundle, for the build (generated/catalogue.ts), the
// diff (src/diff/catalogue.ts) and the changelog's links.
import { alternatives, constOf } from '../kernel/contract.ts';
import { at, pointerTo } from '../kernel/pointer.ts';

export interface ErrorCatalogueEntry {
  code: string;
  status: number;
  type: string;
  retryable: boolean;
  title: string;
  description: string;
  action: string;
  /** Typed fields this code adds to the envelope. */
  fields: string[];
  docUrl: string;
}

export interface FailureCatalogueEntry {
  code: string;
  retryable: boolean;
  title: string;
  description: string;
  action: string;
  docUrl: string;
}

export interface Catalogue {
  docsUrl: string;
  errors: ErrorCatalogueEntry[];
  failures: FailureCatalogueEntry[];
}

type Schema = Record<string, any>;
const BASE_FIELDS = new Set([
  'message',
  'type',
  'code',
  'param',
  'doc_url',
  'request_id',
  'retryable',
  'refunded',
]);

const errorAnchor = (code: string) => `error-${code}`;
const failureAnchor = (code: string) => `failure-${code}`;

/** One member schema of a union: its const fields and catalogue facts, each required. */
interface Member {
  schema: Schema;
  /** The code's own fields: those of its inline allOf part (the $ref'd part is the shared base). */
  props: Schema;
  need: (value: unknown, what: string) => any;
  constant: (property: string) => any;
}

/** The member schemas of the oneOf union `components/schemas/<union>`. */
function members(spec: Schema, union: string): Member[] {
  const unionAt = pointerTo('components', 'schemas', union);
  if (!Array.isArray((at(spec, unionAt) as Schema | undefined)?.oneOf))
    throw new Error(`components/schemas/${union} must be a oneOf of error code schemas`);
  return alternatives(spec, unionAt).map(pointer => {
    const name = pointer.split('/').pop();
    const schema = (at(spec, pointer) ?? {}) as Schema;
    const need = (value: unknown, what: string) => {
      if (value === undefined || value === '')
        throw new Error(`components/schemas/${name}: ${what} is missing`);
      return value as any;
    };
    const constant = (property: string) =>
      need(constOf(spec, pointer, property), `properties.${property}.enum (one value)`);
    const own: Schema = (schema.allOf ?? []).find((part: Schema) => !part.$ref) ?? schema;
    return { schema, constant, need, props: (own.properties ?? {}) as Schema };
  });
}

function errorEntry({ schema, props, need, constant }: Member, docsUrl: string): ErrorCatalogueEntry {
  const code: string = constant('code');
  return {
    code,
    status: need(schema['x-status'], 'x-status'),
    type: constant('type'),
    retryable: need(schema['x-retryable'], 'x-retryable'),
    title: need(schema.title, 'title'),
    description: need(schema.description, 'description'),
    action: need(schema['x-action'], 'x-action'),
    fields: Object.keys(props).filter(field => !BASE_FIELDS.has(field)),
    docUrl: `${docsUrl}#${errorAnchor(code)}`,
  };
}

function failureEntry({ schema, need, constant }: Member, docsUrl: string): FailureCatalogueEntry {
  const code: string = constant('code');
  const retryable = constant('retryable');
  if (schema['x-retryable'] !== retryable)
    throw new Error(`components/schemas/${schema.title}: x-retryable and the retryable enum disagree`);
  return {
    code,
    retryable,
    title: need(schema.title, 'title'),
    description: need(schema.description, 'description'),
    action: need(schema['x-action'], 'x-action'),
    docUrl: `${docsUrl}#${failureAnchor(code)}`,
  };
}

/** The catalogue of a bundled spec; a code missing one of its facts fails naming the schema and the fact. */
export function extractCatalogue(spec: Schema): Catalogue {
  const docsUrl: string | undefined = spec.externalDocs?.url;
  if (!docsUrl)
    throw new Error(
      'openapi.yaml: externalDocs.url (the docs site) is required: doc_url links are built from it',
    );
  const errors = members(spec, 'ApiError').map(member => errorEntry(member, docsUrl));
  const failures = members(spec, 'TaskError').map(member => failureEntry(member, docsUrl));
  const byStatus = (a: ErrorCatalogueEntry, b: ErrorCatalogueEntry) =>
    a.status - b.status || a.code.localeCompare(b.code);
  return {
    docsUrl,
    errors: errors.sort(byStatus),
    failures: failures.sort((a, b) => a.code.localeCompare(b.code)),
  };
}
