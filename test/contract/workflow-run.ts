// A WorkflowRun as the checks after a workflow read it (its steps' outputs and answers), made without a
// server: the balance arithmetic and the suite's extras run on it.
import type { RawResponse } from '../../src/contract/http.ts';
import type { WorkflowRun } from '../../src/contract/workflows/run-workflow.ts';

export const runOf = (
  outputs: Record<string, Record<string, unknown>>,
  responses: Record<string, RawResponse> = {},
) =>
  ({
    ctx: {
      inputs: {},
      steps: Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, { outputs: v }])),
    },
    responses,
    violations: [],
    completed: true,
  }) as WorkflowRun;
