// generated/catalogue.ts: the error and failure catalogues (src/catalogue/extract.ts reads them out
// of the bundle) written as a module of constant tables, for the client, the mock and the docs.
import type { Catalogue } from '../src/catalogue/extract.ts';

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
