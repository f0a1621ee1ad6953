// Contract checks for responses and webhook deliveries, compiled once from the bundle. A backend
// team hands over what its server answered; the checker says precisely where it leaves the contract.
import * as build from '../../generated/validators.cjs';
import type { Contract } from '../kernel/contract.ts';
import type { Json } from '../kernel/json.ts';
import { loadContract } from '../kernel/load.ts';
import { entrySchemas } from './checked-schemas.ts';
import { refLabel, type ObservedResponse, type OperationRef, type WebhookDelivery } from './observed.ts';
import type { PrecompiledBuild } from './precompiled.ts';
import { ResponseChecker } from './response-checker.ts';
import { SchemaPlans } from './schema-plans.ts';
import { schemaSource } from './schema-source.ts';
import { ContractViolationError, type Violation } from './violations.ts';
import { checkWebhook } from './webhook-check.ts';

export { ContractViolationError, formatViolations, type Violation } from './violations.ts';
export type { HeaderBag, ObservedResponse, OperationRef, WebhookDelivery } from './observed.ts';
export type { Json };

export interface ContractValidator {
  contract: Contract;
  checkResponse(ref: OperationRef, response: ObservedResponse): Violation[];
  checkWebhook(delivery: WebhookDelivery): Violation[];
  /** Throws an Error listing every violation; for use inside a backend's own tests. */
  assertResponse(ref: OperationRef, response: ObservedResponse): void;
}

export function createContractValidator(contract: Contract = loadContract()): ContractValidator {
  return validatorFor(contract, build);
}

/** A validator using the precompiled code of some build (generated/'s, or another contract's: bench/growth.ts), if any. */
export function validatorFor(contract: Contract, built: PrecompiledBuild | undefined): ContractValidator {
  const { precompiled, compile } = schemaSource(contract, built);
  const plans = new SchemaPlans(contract.spec, compile);
  // A spec the build did not compile is compiled now, so that a broken one fails at load time; the
  // build's modules are loaded group by group as checks first need them.
  if (!precompiled) entrySchemas(contract).forEach(compile);
  const responses = new ResponseChecker(contract, plans);
  const checkResponse = (ref: OperationRef, response: ObservedResponse) => responses.check(ref, response);
  return {
    contract,
    checkResponse,
    checkWebhook: delivery => checkWebhook(contract, plans, delivery),
    assertResponse(ref, response) {
      const violations = checkResponse(ref, response);
      if (violations.length > 0)
        throw new ContractViolationError(violations, `${refLabel(ref)} → ${response.status}`);
    },
  };
}
