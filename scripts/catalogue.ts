// The error catalogue is not written anywhere but in openapi/: each error code is one schema in
// components/schemas/errors (codes/ for HTTP errors, task-codes/ for video generation failures)
// whose `code` constant, `type` constant, `x-status`, `x-retryable` and `x-action` are the facts.
// This module reads those schemas out of the bundle.

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
const BASE_FIELDS = new Set(['message', 'type', 'code', 'param', 'doc_url', 'request_id', 'retryable', 'refunded']);

export const errorAnchor = (code: string) => `error-${code}`;
export const failureAnchor = (code: string) => `failure-${code}`;

export function extractCatalogue(spec: Schema): Catalogue {
  const schemas: Record<string, Schema> = spec.components?.schemas ?? {};
  const docsUrl: string | undefined = spec.externalDocs?.url;
  if (!docsUrl) throw new Error('openapi.yaml: externalDocs.url (the docs site) is required: doc_url links are built from it');

  const members = (union: string) => {
    const oneOf: Schema[] | undefined = schemas[union]?.oneOf;
    if (!oneOf) throw new Error(`components/schemas/${union} must be a oneOf of error code schemas`);
    return oneOf.map((ref) => {
      const name = String(ref.$ref).replace('#/components/schemas/', '');
      const schema = schemas[name];
      if (!schema) throw new Error(`components/schemas/${union} refers to missing schema ${ref.$ref}`);
      const own: Schema = (schema.allOf ?? []).find((part: Schema) => !part.$ref) ?? {};
      const props: Schema = own.properties ?? {};
      const need = (value: unknown, what: string) => {
        if (value === undefined || value === '') throw new Error(`components/schemas/${name}: ${what} is missing`);
        return value as any;
      };
      return { name, schema, props, need };
    });
  };

  const errors = members('ApiError').map(({ schema, props, need }) => {
    const code: string = need(props.code?.const, 'properties.code.const');
    return {
      code,
      status: need(schema['x-status'], 'x-status'),
      type: need(props.type?.const, 'properties.type.const'),
      retryable: need(schema['x-retryable'], 'x-retryable'),
      title: need(schema.title, 'title'),
      description: need(schema.description, 'description'),
      action: need(schema['x-action'], 'x-action'),
      fields: Object.keys(props).filter((field) => !BASE_FIELDS.has(field)),
      docUrl: `${docsUrl}#${errorAnchor(code)}`,
    };
  });
  const failures = members('TaskError').map(({ schema, props, need }) => {
    const code: string = need(props.code?.const, 'properties.code.const');
    const retryable = need(props.retryable?.const, 'properties.retryable.const');
    if (schema['x-retryable'] !== retryable) throw new Error(`components/schemas/${schema.title}: x-retryable and retryable.const disagree`);
    return {
      code,
      retryable,
      title: need(schema.title, 'title'),
      description: need(schema.description, 'description'),
      action: need(schema['x-action'], 'x-action'),
      docUrl: `${docsUrl}#${failureAnchor(code)}`,
    };
  });
  const byStatus = (a: ErrorCatalogueEntry, b: ErrorCatalogueEntry) => a.status - b.status || a.code.localeCompare(b.code);
  return { docsUrl, errors: errors.sort(byStatus), failures: failures.sort((a, b) => a.code.localeCompare(b.code)) };
}

export function renderCatalogueModule({ docsUrl, errors, failures }: Catalogue): string {
  const table = (entries: { code: string }[]) =>
    '{\n' + entries.map(({ code, ...rest }) => `  ${code}: ${JSON.stringify(rest)},`).join('\n') + '\n}';
  const retryable = (entries: { code: string; retryable: boolean }[]) =>
    JSON.stringify(entries.filter((e) => e.retryable).map((e) => e.code));
  return `export const docsUrl = ${JSON.stringify(docsUrl)};

/** Every API error code: HTTP status, type, whether retrying can help, and what to do. */
export const errorCatalogue = ${table(errors)} as const;

/** Every reason a video generation can fail after it was accepted. */
export const failureCatalogue = ${table(failures)} as const;

export type ErrorCode = keyof typeof errorCatalogue;
export type FailureCode = keyof typeof failureCatalogue;

// Kept apart from the tables above so that a browser bundle needs only these short lists.
export const errorCodes: readonly ErrorCode[] = ${JSON.stringify(errors.map((e) => e.code))};
export const failureCodes: readonly FailureCode[] = ${JSON.stringify(failures.map((e) => e.code))};
export const retryableErrorCodes: readonly ErrorCode[] = ${retryable(errors)};
export const retryableFailureCodes: readonly FailureCode[] = ${retryable(failures)};
/** Statuses all of whose codes are retryable: how to treat a code this version does not know. */
export const retryableStatuses: readonly number[] = ${JSON.stringify(
    [...new Set(errors.map((e) => e.status))].filter((s) => errors.every((e) => e.status !== s || e.retryable)),
  )};
`;
}
