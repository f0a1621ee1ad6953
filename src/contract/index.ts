// The contract checks a backend team (or any test) can use: validators compiled from the bundle,
// the scenarios made from it and the suite that runs them against a server.
export { createSpecAjv, specRef, SPEC_ID } from './ajv.ts';
export {
  readContract,
  loadSpec,
  loadContract,
  matchOperation,
  findOperation,
  requireOperation,
  operationPointer,
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
  normalizeHeaders,
  ContractViolationError,
  type ContractValidator,
  type Violation,
  type ObservedResponse,
  type OperationRef,
  type WebhookDelivery,
  type HeaderBag,
} from './validate.ts';
export { send, type RawRequest, type RawResponse } from './http.ts';
export {
  forcedScenarios,
  behaviourScenarios,
  validRequest,
  examplePath,
  type Scenario,
  type Expectation,
} from './scenarios.ts';
export {
  runContractSuite,
  runScenario,
  checkExpectation,
  suiteScenarios,
  formatReport,
  type SuiteReport,
  type SuiteOptions,
  type CaseResult,
} from './suite.ts';
