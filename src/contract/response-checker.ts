// A response checked against the operation that was called: found by id or by method and path,
// then held to the response it declares for the status. An undeclared status, or a path that
// matches no operation (UnlistedError), is reported along with what else is wrong.
import { matchOperation, type Contract, type Operation } from '../kernel/contract.ts';
import { ERROR_ENVELOPE } from './checked-schemas.ts';
import { explain } from './explain.ts';
import { checkHeaders, headerPlan, type HeaderPlan } from './header-check.ts';
import { headerRecord } from './header-record.ts';
import { refLabel, type ObservedResponse, type OperationRef } from './observed.ts';
import {
  checkAgainst,
  errorOf,
  parseBody,
  requestIdMismatch,
  responsePlan,
  type ResponsePlan,
} from './response-check.ts';
import type { SchemaPlans } from './schema-plans.ts';
import type { Violation } from './violations.ts';

/** An operation and the plans of its declared responses (by index in `responses`), each made on its first check. */
interface OperationEntry {
  operation: Operation;
  plans: (ResponsePlan | undefined)[];
}

/** Where in `responses` an operation declares a status, or -1 (a loop, not `findIndex`: this runs on every check). */
function declaredIndex(operation: Operation, status: number): number {
  for (let i = 0; i < operation.responses.length; i++)
    if (operation.responses[i]!.status === status) return i;
  return -1;
}

export class ResponseChecker {
  private readonly entries: Map<Operation, OperationEntry>;
  /** Operations by id, the first of a duplicated id winning as in findOperation. */
  private readonly byId = new Map<string, OperationEntry>();
  private routeNotFoundPlan: ResponsePlan | undefined;
  /** The X-Request-Id every response carries: checked even on a status the operation does not declare. */
  private requestIdHeader: HeaderPlan[] | undefined;

  constructor(
    private readonly contract: Contract,
    private readonly plans: SchemaPlans,
  ) {
    this.entries = new Map(contract.operations.map(operation => [operation, { operation, plans: [] }]));
    for (const op of contract.operations)
      if (!this.byId.has(op.operationId)) this.byId.set(op.operationId, this.entries.get(op)!);
  }

  check(ref: OperationRef, response: ObservedResponse): Violation[] {
    const entry = this.resolve(ref);
    if (!entry) return this.unmatched(ref, response);
    const { operation, plans } = entry;
    const index = declaredIndex(operation, response.status);
    if (index < 0) return this.undeclared(operation, response);
    return checkAgainst(
      (plans[index] ??= responsePlan(this.plans, operation.responses[index]!)),
      operation.operationId,
      response,
    );
  }

  private resolve(ref: OperationRef): OperationEntry | undefined {
    if (typeof ref === 'string') {
      const entry = this.byId.get(ref);
      if (!entry) throw new Error(`No operation ${ref} in the contract`);
      return entry;
    }
    const operation = matchOperation(this.contract, ref.method, ref.path.split('?')[0]!)?.operation;
    return operation && this.entries.get(operation);
  }

  /** A path no operation matches: it must be answered 404 with the UnlistedError response. */
  private unmatched(ref: OperationRef, response: ObservedResponse): Violation[] {
    const out: Violation[] =
      response.status === 404
        ? []
        : [
            {
              kind: 'undeclared status',
              where: 'status',
              message: `${refLabel(ref)} matches no operation: expected 404 (UnlistedError), got ${response.status}`,
            },
          ];
    this.routeNotFoundPlan ??= responsePlan(this.plans, this.contract.routeNotFound);
    return [...out, ...checkAgainst(this.routeNotFoundPlan, 'UnlistedError', response)];
  }

  /** A status the operation does not declare; still said: what else is wrong with X-Request-Id and an error body. */
  private undeclared(operation: Operation, response: ObservedResponse): Violation[] {
    const statuses = operation.responses.map(r => r.status).join(', ');
    const headers = headerRecord(response.headers);
    const out: Violation[] = [
      {
        kind: 'undeclared status',
        where: 'status',
        message: `${response.status} is not declared for ${operation.operationId} (declared: ${statuses})`,
      },
    ];
    // Every response has X-Request-Id, every error body is an envelope.
    this.requestIdHeader ??= this.contract.routeNotFound.headers
      .filter(h => h.name.toLowerCase() === 'x-request-id')
      .map(header => headerPlan(this.plans, header));
    out.push(...checkHeaders(this.requestIdHeader, headers));
    if (response.status >= 400) {
      const { value } = parseBody(response.body);
      if (value !== undefined) {
        explain(out, this.plans.of(ERROR_ENVELOPE), value, 'body');
        const mismatch = requestIdMismatch(response.status, headers, errorOf(value));
        if (mismatch) out.push(mismatch);
      }
    }
    return out;
  }
}
