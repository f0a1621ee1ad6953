// The error catalogue is not written anywhere but in openapi/: each error code is one schema in
// components/schemas/errors (codes/ for HTTP errors, task-codes/ for video generation failures)
// whose `code` constant, `type` constant, `x-status`, `x-retryable` and `x-action` are the facts.
// This module reads those schemas out of the bundle.

import { alternatives, constOf } from '../src/kernel/contract.ts';
import { at, pointerTo } from '../src/kernel/pointer.ts';

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

export function extractCatalogue(spec: Schema): Catalogue {
  const docsUrl: string | undefined = spec.externalDocs?.url;
  if (!docsUrl)
    throw new Error(
      'openapi.yaml: externalDocs.url (the docs site) is required: doc_url links are built from it',
    );

  /** The member schemas of a oneOf union, each with its const fields and catalogue facts. */
  const members = (union: string) => {
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
        need(constOf(spec, pointer, property), `properties.${property}.const`);
      // The code's own fields: those of its inline allOf part (the $ref'd part is the shared base).
      const own: Schema = (schema.allOf ?? []).find((part: Schema) => !part.$ref) ?? schema;
      return { schema, constant, need, props: (own.properties ?? {}) as Schema };
    });
  };

  const errors = members('ApiError').map(({ schema, props, need, constant }) => {
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
  });
  const failures = members('TaskError').map(({ schema, need, constant }) => {
    const code: string = constant('code');
    const retryable = constant('retryable');
    if (schema['x-retryable'] !== retryable)
      throw new Error(`components/schemas/${schema.title}: x-retryable and retryable.const disagree`);
    return {
      code,
      retryable,
      title: need(schema.title, 'title'),
      description: need(schema.description, 'description'),
      action: need(schema['x-action'], 'x-action'),
      docUrl: `${docsUrl}#${failureAnchor(code)}`,
    };
  });
  const byStatus = (a: ErrorCatalogueEntry, b: ErrorCatalogueEntry) =>
    a.status - b.status || a.code.localeCompare(b.code);
  return {
    docsUrl,
    errors: errors.sort(byStatus),
    failures: failures.sort((a, b) => a.code.localeCompare(b.code)),
  };
}

export function renderCatalogueModule({ docsUrl, errors, failures }: Catalogue): string {
  const table = (entries: { code: string }[]) =>
    '{\n' + entries.map(({ code, ...rest }) => `  ${code}: ${JSON.stringify(rest)},`).join('\n') + '\n}';
  const retryable = (entries: { code: string; retryable: boolean }[]) =>
    JSON.stringify(entries.filter(e => e.retryable).map(e => e.code));
  return `export const docsUrl = ${JSON.stringify(docsUrl)};

/** Every API error code: HTTP status, type, whether retrying can help, and what to do. */
export const errorCatalogue = ${table(errors)} as const;

/** Every reason a video generation can fail after it was accepted. */
export const failureCatalogue = ${table(failures)} as const;

export type ErrorCode = keyof typeof errorCatalogue;
export type FailureCode = keyof typeof failureCatalogue;

// Kept apart from the tables above so that a browser bundle needs only these short lists.
export const errorCodes: readonly ErrorCode[] = ${JSON.stringify(errors.map(e => e.code))};
export const failureCodes: readonly FailureCode[] = ${JSON.stringify(failures.map(e => e.code))};
export const retryableErrorCodes: readonly ErrorCode[] = ${retryable(errors)};
/** Statuses all of whose codes are retryable: how to treat a code this version does not know. */
export const retryableStatuses: readonly number[] = ${JSON.stringify(
    [...new Set(errors.map(e => e.status))].filter(s => errors.every(e => e.status !== s || e.retryable)),
  )};
`;
}
