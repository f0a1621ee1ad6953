// The `@mediagen/contract` entry: what a backend team (or any test) uses to hold a server to the
// contract. The validators compiled from the bundle, the scenarios made from it and the suite that
// runs them against a server, and the contract read from the bundle they take. Walking the spec
// (finding operations, pointers) is the `@mediagen/contract/spec` entry; how the checks are built
// (the Ajv instance and its schema ids, header normalizing, the suite's inner steps) is not exported.
export {
  readContract,
  loadSpec,
  loadContract,
  type Contract,
  type Operation,
  type DeclaredResponse,
  type Webhook,
  type Spec,
  type Json,
} from '../kernel/index.ts';
export {
  createContractValidator,
  formatViolations,
  ContractViolationError,
  type ContractValidator,
  type Violation,
  type ObservedResponse,
  type OperationRef,
  type WebhookDelivery,
  type HeaderBag,
} from './validate.ts';
export type { ViolationKind } from './violation-kind.ts';
// The suite's HTTP client: sends a scenario's exact bytes (malformed JSON, odd methods), which fetch cannot.
export { send, type RawRequest, type RawResponse } from './http.ts';
export { forcedScenarios, type Scenario, type Expectation } from './scenarios.ts';
export { behaviourScenarios } from './behaviour-scenarios.ts';
export {
  runContractSuite,
  runScenario,
  formatReport,
  type SuiteReport,
  type SuiteOptions,
  type CaseResult,
} from './suite.ts';
// The contract's workflows (generated/workflows.arazzo.json, the Arazzo file `redocly respect` runs).
export { loadWorkflows, type Arazzo, type Workflow } from './workflows/arazzo.ts';
export type { WorkflowOptions } from './workflows/workflow-suite.ts';
