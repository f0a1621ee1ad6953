// Contract checks for responses and webhook deliveries, compiled once from the bundle. A backend
// team hands over what its server answered; the checker says precisely where it leaves the contract.
import { loadContract } from '../kernel/load.ts';
import type { ValidateFunction } from 'ajv';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { createSpecAjv, specRef } from './ajv.ts';
import { ERROR_ENVELOPE, entrySchemas } from './checked-schemas.ts';
import { describe, explainer, type SchemaPlan } from './explain.ts';
import { specDigest } from './digest.ts';
import * as build from '../../generated/validators.js';
import { precompiledValidators, type PrecompiledBuild } from './precompiled.ts';
import { at, follow } from '../kernel/pointer.ts';
import {
  constOf,
  matchOperation,
  readContract,
  type Contract,
  type DeclaredHeader,
  type DeclaredResponse,
  type Operation,
} from '../kernel/contract.ts';
import { type Json } from '../kernel/json.ts';
import { isObject } from '../kernel/json.ts';
import { lowerCaseHeaders, type HeaderBag } from '../kernel/headers.ts';

/** One way a response breaks the contract. `where` is `status`, `header <Name>` or `body/<json pointer>`. */
export interface Violation {
  where: string;
  message: string;
}

export type { HeaderBag };

export interface ObservedResponse {
  status: number;
  headers: HeaderBag;
  /** Parsed JSON, the raw text, or undefined when there was no body. */
  body: unknown;
}

/** An operationId, or the method and the concrete path (query allowed) that was called. */
export type OperationRef = string | { method: string; path: string };

export interface WebhookDelivery {
  headers: HeaderBag;
  /** The raw body as received: signatures cover the exact bytes. */
  body: string;
  /** When given, the signature and timestamp are verified (Standard Webhooks). */
  secret?: string;
}

export interface ContractValidator {
  contract: Contract;
  checkResponse(ref: OperationRef, response: ObservedResponse): Violation[];
  checkWebhook(delivery: WebhookDelivery): Violation[];
  /** Throws an Error listing every violation; for use inside a backend's own tests. */
  assertResponse(ref: OperationRef, response: ObservedResponse): void;
}

export class ContractViolationError extends Error {
  constructor(
    readonly violations: Violation[],
    context: string,
  ) {
    super(`${context} breaks the contract:\n${formatViolations(violations)}`);
    this.name = 'ContractViolationError';
  }
}

export const formatViolations = (violations: Violation[]) =>
  violations.map(v => `  - ${v.where}: ${v.message}`).join('\n');

/** The headers with lower-case names and string values (repeated ones joined), as every check reads them. */
export const normalizeHeaders = (headers: HeaderBag) => lowerCaseHeaders(headers);

/** Whether a header name is what toLowerCase would make of it: no ASCII capital, nothing beyond ASCII. */
function isLowerAscii(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return false;
  }
  return true;
}

/**
 * The headers as normalizeHeaders makes them. A plain object of lower-case names and string values
 * already is that, and is read as it is: no copy on every check.
 */
function headerRecord(headers: HeaderBag): Record<string, string> {
  if (Object.getPrototypeOf(headers) !== Object.prototype) return normalizeHeaders(headers);
  const bag = headers as Record<string, unknown>;
  const names = Object.keys(bag);
  for (let i = 0; i < names.length; i++) {
    if (typeof bag[names[i]!] !== 'string' || !isLowerAscii(names[i]!)) return normalizeHeaders(headers);
  }
  return bag as Record<string, string>;
}

/** Where in `responses` an operation declares a status, or -1 (a loop, not `findIndex`: this runs on every check). */
function declaredIndex(operation: Operation, status: number): number {
  for (let i = 0; i < operation.responses.length; i++)
    if (operation.responses[i]!.status === status) return i;
  return -1;
}

/**
 * Schema pointer → validator: the precompiled functions when the contract is the bundle they were
 * compiled from (`precompiled`), else Ajv compiling the caller's spec on demand.
 */
function validatorSource(contract: Contract, built: PrecompiledBuild | undefined) {
  const lookup =
    built && specDigest(contract.spec) === built.bundleDigest ? precompiledValidators(built) : undefined;
  const precompiled = lookup !== undefined;
  let ajv: ReturnType<typeof createSpecAjv> | undefined;
  const compiled = new Map<string, ValidateFunction>();
  const compile = (pointer: string): ValidateFunction => {
    let fn = compiled.get(pointer);
    if (!fn) {
      fn = lookup ? lookup(pointer) : (ajv ??= createSpecAjv(contract.spec)).getSchema(specRef(pointer));
      if (!fn) throw new Error(`No schema at ${pointer}`);
      compiled.set(pointer, fn);
    }
    return fn;
  };
  return { precompiled, compile };
}

export function createContractValidator(contract: Contract = loadContract()): ContractValidator {
  return validatorFor(contract, build);
}

/** A validator using the precompiled code of some build (generated/'s, or another contract's: bench/growth.ts), or none. */
export function validatorFor(contract: Contract, built: PrecompiledBuild | undefined): ContractValidator {
  const { spec } = contract;
  const { precompiled, compile } = validatorSource(contract, built);
  const { planOf, explain } = explainer(spec, compile);
  // A spec the build did not compile is compiled now, so that a broken one fails at load time; the
  // build's code is instantiated group by group as checks first need it.
  if (!precompiled) entrySchemas(contract).forEach(compile);

  /** A header's check, worked out once: its lower-case name, whether its text is read as a number, its validator. */
  interface HeaderPlan {
    name: string;
    key: string;
    required: boolean;
    numeric: boolean;
    validate: ValidateFunction;
  }
  function headerPlan(header: DeclaredHeader): HeaderPlan {
    const schema = at(spec, follow(spec, header.schema));
    const type = isObject(schema) ? schema.type : undefined;
    return {
      name: header.name,
      key: header.name.toLowerCase(),
      required: header.required,
      numeric: type === 'integer' || type === 'number',
      validate: compile(header.schema),
    };
  }

  function checkHeaders(declared: HeaderPlan[], headers: Record<string, string>): Violation[] {
    const out: Violation[] = [];
    for (const header of declared) {
      const raw = headers[header.key];
      if (raw === undefined) {
        if (header.required)
          out.push({ where: `header ${header.name}`, message: 'required header is missing' });
        continue;
      }
      const value = header.numeric && /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
      if (!header.validate(value)) {
        for (const e of header.validate.errors ?? [])
          out.push({ where: `header ${header.name}`, message: `${JSON.stringify(raw)} ${describe(e)}` });
      }
    }
    return out;
  }

  /** What checking one declared response needs, worked out on its first check. */
  interface ResponsePlan {
    declared: DeclaredResponse;
    headers: HeaderPlan[];
    body?: SchemaPlan;
  }
  const responsePlan = (declared: DeclaredResponse): ResponsePlan => ({
    declared,
    headers: declared.headers.map(headerPlan),
    body: declared.schema ? planOf(declared.schema) : undefined,
  });
  let routeNotFoundPlan: ResponsePlan | undefined;

  /** The body as JSON, or the violation that it is missing or not JSON. */
  function parseBody(body: unknown): { value?: unknown; violation?: Violation } {
    if (body === undefined || body === '')
      return { violation: { where: 'body', message: 'the response has no body, the contract declares one' } };
    if (typeof body !== 'string') return { value: body };
    try {
      return { value: JSON.parse(body) };
    } catch {
      return { violation: { where: 'body', message: `not JSON: ${JSON.stringify(body.slice(0, 80))}` } };
    }
  }

  function checkAgainst(
    { declared, headers: declaredHeaders, body }: ResponsePlan,
    label: string,
    response: ObservedResponse,
  ): Violation[] {
    const headers = headerRecord(response.headers);
    const out = checkHeaders(declaredHeaders, headers);
    if (!body) return out;
    const contentType = headers['content-type'] ?? '';
    if (contentType !== 'application/json' && !/^application\/json\s*(;|$)/i.test(contentType)) {
      out.push({
        where: 'header Content-Type',
        message: `expected application/json, got ${JSON.stringify(contentType)}`,
      });
    }
    let value = response.body;
    if (typeof value === 'string' || value === undefined) {
      const parsed = parseBody(value);
      if (parsed.violation) return [...out, parsed.violation];
      value = parsed.value;
    }
    const error = isObject(value) && isObject(value.error) ? value.error : undefined;
    const code = error?.code;
    if (declared.errorCodes.length > 0 && typeof code === 'string' && !declared.errorCodes.includes(code)) {
      out.push({
        where: 'body/error/code',
        message: `code ${JSON.stringify(code)} is not declared for ${label} ${declared.status}; allowed: ${declared.errorCodes.join(', ')}`,
      });
    } else {
      explain(out, body, value, 'body');
    }
    const mismatch = requestIdMismatch(declared.status, headers, error);
    if (mismatch) out.push(mismatch);
    return out;
  }

  /** Every error body repeats the X-Request-Id header as error.request_id: the violation when it does not. */
  function requestIdMismatch(
    status: number,
    headers: Record<string, string>,
    error: Record<string, unknown> | undefined,
  ): Violation | undefined {
    const requestId = headers['x-request-id'];
    if (status < 400 || !error || requestId === undefined || error.request_id === requestId) return undefined;
    return {
      where: 'body/error/request_id',
      message: `${JSON.stringify(error.request_id)} differs from the X-Request-Id header ${JSON.stringify(requestId)}`,
    };
  }

  /** The X-Request-Id every response carries: checked even on a status the operation does not declare. */
  let requestIdHeader: HeaderPlan[] | undefined;

  /** An operation and the plans of its declared responses (by index in `responses`), each made on its first check. */
  interface OperationEntry {
    operation: Operation;
    plans: (ResponsePlan | undefined)[];
  }
  const entries = new Map(
    contract.operations.map(operation => [operation, { operation, plans: [] } as OperationEntry]),
  );
  // Operations by id, the first of a duplicated id winning as in findOperation.
  const byId = new Map<string, OperationEntry>();
  contract.operations.forEach(op => byId.has(op.operationId) || byId.set(op.operationId, entries.get(op)!));

  function resolve(ref: OperationRef): OperationEntry | undefined {
    if (typeof ref === 'string') {
      const entry = byId.get(ref);
      if (!entry) throw new Error(`No operation ${ref} in the contract`);
      return entry;
    }
    const operation = matchOperation(contract, ref.method, ref.path.split('?')[0]!)?.operation;
    return operation && entries.get(operation);
  }

  function checkResponse(ref: OperationRef, response: ObservedResponse): Violation[] {
    const entry = resolve(ref);
    if (!entry) {
      const label = typeof ref === 'string' ? ref : `${ref.method.toUpperCase()} ${ref.path}`;
      const out =
        response.status === 404
          ? []
          : [
              {
                where: 'status',
                message: `${label} matches no operation: expected 404 (RouteNotFound), got ${response.status}`,
              },
            ];
      return [
        ...out,
        ...checkAgainst(
          (routeNotFoundPlan ??= responsePlan(contract.routeNotFound)),
          'RouteNotFound',
          response,
        ),
      ];
    }
    const { operation, plans } = entry;
    const index = declaredIndex(operation, response.status);
    if (index < 0) {
      const statuses = operation.responses.map(r => r.status).join(', ');
      const headers = headerRecord(response.headers);
      const out: Violation[] = [
        {
          where: 'status',
          message: `${response.status} is not declared for ${operation.operationId} (declared: ${statuses})`,
        },
      ];
      // Still say what else is wrong: every response has X-Request-Id, every error body is an envelope.
      requestIdHeader ??= contract.routeNotFound.headers
        .filter(h => h.name.toLowerCase() === 'x-request-id')
        .map(headerPlan);
      out.push(...checkHeaders(requestIdHeader, headers));
      if (response.status >= 400) {
        const { value } = parseBody(response.body);
        if (value !== undefined) {
          explain(out, planOf(ERROR_ENVELOPE), value, 'body');
          const mismatch = requestIdMismatch(
            response.status,
            headers,
            isObject(value) && isObject(value.error) ? value.error : undefined,
          );
          if (mismatch) out.push(mismatch);
        }
      }
      return out;
    }
    return checkAgainst(
      (plans[index] ??= responsePlan(operation.responses[index]!)),
      operation.operationId,
      response,
    );
  }

  function checkWebhook(delivery: WebhookDelivery): Violation[] {
    const headers = headerRecord(delivery.headers);
    const { value, violation } = parseBody(delivery.body);
    if (violation) return [violation];
    const type = isObject(value) ? value.type : undefined;
    const webhook = contract.webhooks.find(w => constOf(spec, w.schema, 'type') === type);
    if (!webhook) {
      const known = contract.webhooks.map(w => JSON.stringify(constOf(spec, w.schema, 'type'))).join(', ');
      return [
        {
          where: 'body/type',
          message: `${JSON.stringify(type)} is not a webhook event of the contract (${known})`,
        },
      ];
    }
    const out = checkHeaders(webhook.headers.map(headerPlan), headers);
    explain(out, planOf(webhook.schema), value, 'body');
    if (delivery.secret !== undefined && out.every(v => !v.where.startsWith('header'))) {
      try {
        new StandardWebhook(delivery.secret).verify(delivery.body, headers);
      } catch (error) {
        out.push({
          where: 'header webhook-signature',
          message: `does not verify: ${(error as Error).message}`,
        });
      }
    }
    return out;
  }

  return {
    contract,
    checkResponse,
    checkWebhook,
    assertResponse(ref, response) {
      const violations = checkResponse(ref, response);
      if (violations.length > 0) {
        const label = typeof ref === 'string' ? ref : `${ref.method.toUpperCase()} ${ref.path}`;
        throw new ContractViolationError(violations, `${label} → ${response.status}`);
      }
    },
  };
}

export type { Json };
