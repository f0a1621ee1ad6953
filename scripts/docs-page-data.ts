// The data the docs page's own script reads (docs/template.hbs): where each catalogue anchor is in
// Redoc's routes, and each operation's try-it request, the minimal call of its code samples.
import { readContract } from '../src/kernel/contract.ts';
import {
  anchorOf,
  ERROR_SECTION,
  FAILURE_SECTION,
  operationHref,
  type CatalogueTables,
} from './docs-catalogue.ts';
import { SAMPLE_BASE_URL, type SamplePlan } from './docs-samples.ts';

type Spec = Record<string, any>;

export interface TryItRequest {
  method: string;
  /** The path to send to, `{id}` filled with a test value. */
  path: string;
  /** The JSON body, pretty-printed for the reader to edit. */
  body?: string;
  /** The page of the operation that polls what this one starts. */
  starts?: string;
}

export interface PageData {
  docsUrl: string;
  defaultBaseUrl: string;
  /** `error-<code>` → Redoc's route of its entry. */
  anchors: Record<string, string>;
  /** Redoc's section id of an operation (`/images/generateimage`) → its request. */
  tryIt: Record<string, TryItRequest>;
}

/** Redoc's slug of a tag: lower case, runs of other characters as one `-`. */
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
/** Redoc's route of a catalogue entry, `/<catalogue page>/<anchor>`: its heading has it as id. */
export const entryRoute = (section: string, docUrl: string) => `/${slug(section)}/${anchorOf(docUrl)}`;

export function pageData(
  spec: Spec,
  docsUrl: string,
  tables: CatalogueTables,
  plans: SamplePlan[],
): PageData {
  const anchors: Record<string, string> = {};
  for (const e of Object.values(tables.errorCatalogue))
    anchors[anchorOf(e.docUrl)] = entryRoute(ERROR_SECTION, e.docUrl);
  for (const f of Object.values(tables.failureCatalogue))
    anchors[anchorOf(f.docUrl)] = entryRoute(FAILURE_SECTION, f.docUrl);

  const operations = readContract(spec).operations;
  const tryIt: Record<string, TryItRequest> = {};
  for (const plan of plans) {
    const op = operations.find(o => o.operationId === plan.operationId)!;
    const [minimal, failing] = plan.calls;
    // A path with an `{id}` starts on the test id; a video started on this page replaces it.
    const path = minimal.path.replace('{id}', failing.id ?? '');
    tryIt[operationHref(spec, op).slice(1)] = {
      method: minimal.method,
      path,
      ...(minimal.body !== undefined ? { body: JSON.stringify(minimal.body, null, 2) } : {}),
    };
  }
  for (const plan of plans.filter(p => p.startPath)) {
    const starter = operations.find(o => o.method === 'POST' && o.path === plan.startPath);
    const poller = operations.find(o => o.operationId === plan.operationId)!;
    if (starter) tryIt[operationHref(spec, starter).slice(1)]!.starts = operationHref(spec, poller).slice(1);
  }
  return { docsUrl, defaultBaseUrl: SAMPLE_BASE_URL, anchors, tryIt };
}

/** The page data as the text of a `<script type="application/json">`: no `<` to end it early. */
export const pageDataText = (data: PageData) => JSON.stringify(data).replaceAll('<', '\\u003c');
