// Renders the error catalogue of the docs site as markdown, from generated/catalogue.ts (the facts
// of each code) and the bundle (its examples and the operations that return it). Nothing here is a
// second table of codes: a code added to openapi/ shows up after `npm run build`.

import { operationPointer, readContract, type Operation } from '../src/kernel/contract.ts';
import { at } from '../src/kernel/pointer.ts';

type Spec = Record<string, any>;

export interface ErrorFacts {
  status: number;
  type: string;
  retryable: boolean;
  description: string;
  action: string;
  fields: readonly string[];
  docUrl: string;
}
export interface FailureFacts {
  retryable: boolean;
  description: string;
  action: string;
  docUrl: string;
}
export interface CatalogueTables {
  errorCatalogue: Record<string, ErrorFacts>;
  failureCatalogue: Record<string, FailureFacts>;
}

export interface NamedExample {
  name: string;
  summary: string;
  value: any;
}

export const ERROR_SECTION = 'Error catalogue';
export const FAILURE_SECTION = 'Video failure codes';

/** The anchor a doc_url points at: the part after `#`. */
export function anchorOf(docUrl: string): string {
  const anchor = new URL(docUrl).hash.slice(1);
  if (!/^[a-z0-9_-]+$/.test(anchor)) throw new Error(`doc_url ${docUrl} has no usable #anchor`);
  return anchor;
}

const examples = (spec: Spec): NamedExample[] =>
  Object.entries<any>(spec.components?.examples ?? {}).map(([name, ex]) => ({
    name,
    summary: ex.summary ?? name,
    value: ex.value,
  }));

/** Error envelopes (`{error: {...}}`) whose code is `code`. */
export function errorExamples(spec: Spec, code: string): NamedExample[] {
  return examples(spec).filter(ex => ex.value?.error?.code === code && ex.value.status === undefined);
}

/** Failed video generations whose failure code is `code`. */
export function failureExamples(spec: Spec, code: string): NamedExample[] {
  return examples(spec).filter(ex => ex.value?.status === 'failed' && ex.value.error?.code === code);
}

export interface OperationLink {
  /** `POST /v2/images/generations` */
  label: string;
  /** Redoc's route of the operation's page. */
  href: string;
}

/** Redoc's route of an operation: `#/<first tag>/<operationId>`, lower-cased. */
export function operationHref(spec: Spec, op: Pick<Operation, 'method' | 'path' | 'operationId'>): string {
  const tag = (at(spec, operationPointer(op)) as any)?.tags?.[0];
  if (typeof tag !== 'string' || !/^[A-Za-z0-9_-]+$/.test(tag))
    throw new Error(`${op.operationId} needs a first tag of letters, digits, _ or - for its docs anchor`);
  return `#/${tag.toLowerCase()}/${op.operationId.toLowerCase()}`;
}

/** code → the operations whose error responses can carry it. */
export function operationsByCode(spec: Spec): Map<string, OperationLink[]> {
  const byCode = new Map<string, OperationLink[]>();
  for (const op of readContract(spec).operations) {
    for (const response of op.responses.filter(r => r.status >= 400)) {
      for (const code of response.errorCodes) {
        const list = byCode.get(code) ?? [];
        const label = `${op.method} ${op.path}`;
        if (!list.some(l => l.label === label)) list.push({ label, href: operationHref(spec, op) });
        byCode.set(code, list);
      }
    }
  }
  return byCode;
}

const json = (value: unknown) => '```json\n' + JSON.stringify(value, null, 2) + '\n```';
const yesNo = (retryable: boolean) => (retryable ? 'yes' : 'no');
// `{% #id %}` is Markdoc's id annotation: Redoc keeps it as the last segment of the heading's id.
const heading = (code: string, anchor: string) => `## ${code} {% #${anchor} %}`;

function exampleBlocks(list: NamedExample[], where: string): string[] {
  if (!list.length)
    throw new Error(`${where} has no example in components.examples: every code needs one for the docs`);
  return list.flatMap(ex => [`**Example:** ${ex.summary}`, json(ex.value)]);
}

/** The error catalogue as markdown: the table of codes, then one `##` entry per code. */
export function renderErrorCatalogue(spec: Spec, errorCatalogue: CatalogueTables['errorCatalogue']): string {
  const returnedBy = operationsByCode(spec);
  const errorCodes = Object.keys(errorCatalogue);
  if (!errorCodes.length) throw new Error('generated/catalogue.ts has no codes: run `npm run build`');
  const out: string[] = [
    'Every error code the API returns, generated from the contract. The `doc_url` of an error body links to its entry here. ' +
      'Retry only codes marked retryable (see Retries); treat a code you do not know by its HTTP status.',
    '| Code | Status | Type | Retryable |\n| --- | --- | --- | --- |\n' +
      errorCodes
        .map(code => {
          const e = errorCatalogue[code]!;
          return `| [\`${code}\`](#${anchorOf(e.docUrl)}) | ${e.status} | \`${e.type}\` | ${yesNo(e.retryable)} |`;
        })
        .join('\n'),
  ];
  for (const code of errorCodes) {
    const e = errorCatalogue[code]!;
    const ops = returnedBy.get(code) ?? [];
    out.push(
      heading(code, anchorOf(e.docUrl)),
      `**Status:** ${e.status} · **Type:** \`${e.type}\` · **Retryable:** ${yesNo(e.retryable)}`,
      e.description,
      `**What to do:** ${e.action}`,
      ...(e.fields.length ? [`**Fields:** ${e.fields.map(f => `\`${f}\``).join(', ')}`] : []),
      `**Returned by:** ${ops.length ? ops.map(o => `[\`${o.label}\`](${o.href})`).join(', ') : 'any request (no operation declares it)'}`,
      ...exampleBlocks(errorExamples(spec, code), `error code ${code}`),
    );
  }
  return out.join('\n\n') + '\n';
}

/** The video failure codes as markdown: the table, then one `##` entry per code. */
export function renderFailureCatalogue(
  spec: Spec,
  failureCatalogue: CatalogueTables['failureCatalogue'],
): string {
  const failureCodes = Object.keys(failureCatalogue);
  if (!failureCodes.length)
    throw new Error('generated/catalogue.ts has no failure codes: run `npm run build`');
  const out: string[] = [
    'A video generation can fail after it was accepted. Polling (`GET /v2/videos/generations/{id}`) and the ' +
      '`video.generation.failed` webhook then report `status: "failed"` with an `error` object: its `code` is one of ' +
      'these, `retryable` says whether submitting the same request again can help, and `refunded` whether the credits came back.',
    '| Code | Retryable |\n| --- | --- |\n' +
      failureCodes
        .map(
          code =>
            `| [\`${code}\`](#${anchorOf(failureCatalogue[code]!.docUrl)}) | ${yesNo(failureCatalogue[code]!.retryable)} |`,
        )
        .join('\n'),
  ];
  for (const code of failureCodes) {
    const f = failureCatalogue[code]!;
    out.push(
      heading(code, anchorOf(f.docUrl)),
      `**Retryable:** ${yesNo(f.retryable)}`,
      f.description,
      `**What to do:** ${f.action}`,
      ...exampleBlocks(failureExamples(spec, code), `failure code ${code}`),
    );
  }
  return out.join('\n\n') + '\n';
}

/**
 * A copy of the bundle with the two catalogues as trait tags (tags with a page and no operations):
 * Redoc indexes each `##` of a tag's page for search on its own, with its own anchor, so a search
 * lands on the entry. The bundle itself is untouched.
 */
export function withCatalogue(spec: Spec, { errorCatalogue, failureCatalogue }: CatalogueTables): Spec {
  const copy = structuredClone(spec);
  copy.tags = [
    ...(copy.tags ?? []),
    { name: ERROR_SECTION, 'x-traitTag': true, description: renderErrorCatalogue(spec, errorCatalogue) },
    {
      name: FAILURE_SECTION,
      'x-traitTag': true,
      description: renderFailureCatalogue(spec, failureCatalogue),
    },
  ];
  return copy;
}

/**
 * The doc_urls of the tables off the docs site, or whose anchor is no heading of the catalogue pages of `docs` (those are
 * rendered in the browser only: the check is on their `{% #anchor %}`; the browser test follows each).
 */
export function docUrlsWithoutEntry(docs: Spec, tables: CatalogueTables, docsUrl: string): string[] {
  const anchors = new Set(
    (docs.tags ?? []).flatMap((t: { description?: string }) =>
      [...String(t.description ?? '').matchAll(/^## .+ \{% #([a-z0-9_-]+) %\}$/gm)].map(m => m[1]),
    ),
  );
  return [...Object.values(tables.errorCatalogue), ...Object.values(tables.failureCatalogue)]
    .map(e => e.docUrl)
    .filter(url => !url.startsWith(docsUrl) || !anchors.has(anchorOf(url)));
}
