// The contract's workflows as the suite reads them: generated/workflows.arazzo.json, the JSON copy
// of openapi/workflows.arazzo.yaml that `redocly respect` runs, and the part of Arazzo 1.0 they use.
import { readFileSync } from 'node:fs';

const WORKFLOWS_PATH = new URL('../../../generated/workflows.arazzo.json', import.meta.url);

export interface Criterion {
  condition: string;
}

export interface FailureAction {
  name: string;
  type: 'retry' | 'end' | 'goto';
  retryAfter?: number;
  retryLimit?: number;
  criteria?: Criterion[];
}

export interface Parameter {
  name?: string;
  in?: 'path' | 'query' | 'header' | 'cookie';
  value?: unknown;
  /** `$components.parameters.<name>`. */
  reference?: string;
}

export interface Step {
  stepId: string;
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { contentType?: string; payload?: unknown };
  successCriteria?: Criterion[];
  onFailure?: FailureAction[];
  outputs?: Record<string, string>;
}

/** What a workflow relies on: a server that charges (`billable`), or the mock's test values (`mock`). */
export type Need = 'billable' | 'mock';

export interface Workflow {
  workflowId: string;
  summary?: string;
  'x-mediagen-needs'?: Need[];
  steps: Step[];
}

export interface InputSchema {
  properties?: Record<string, { default?: unknown }>;
}

export interface Arazzo {
  arazzo: string;
  components?: { inputs?: Record<string, InputSchema>; parameters?: Record<string, Parameter> };
  workflows: Workflow[];
}

export const loadWorkflows = (): Arazzo => JSON.parse(readFileSync(WORKFLOWS_PATH, 'utf8')) as Arazzo;

/** The defaults the inputs' schemas give (the mock's test key without credits, a callback URL never called). */
export function inputDefaults(arazzo: Arazzo): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const schema of Object.values(arazzo.components?.inputs ?? {}))
    for (const [name, property] of Object.entries(schema.properties ?? {}))
      if (property.default !== undefined) out[name] = property.default;
  return out;
}
