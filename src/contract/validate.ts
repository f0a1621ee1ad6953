// Contract checks for responses and webhook deliveries, compiled once from the bundle. A backend
// team hands over what its server answered; the checker says precisely where it leaves the contract.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { createSpecAjv, specRef } from './ajv.ts';
import { ERROR_ENVELOPE, entrySchemas, propertyPointer } from './checked-schemas.ts';
import { specDigest } from './digest.ts';
import { bundleDigest, validators as precompiled } from '../../generated/validators.js';
import {
  alternatives,
  at,
  constOf,
  follow,
  matchOperation,
  readContract,
  type Contract,
  type DeclaredHeader,
  type DeclaredResponse,
  type Json,
  type Operation,
} from './spec.ts';
import { isObject } from '../client/is-object.ts';

/** One way a response breaks the contract. `where` is `status`, `header <Name>` or `body/<json pointer>`. */
export interface Violation {
  where: string;
  message: string;
}

export type HeaderBag =
  | Headers
  | Record<string, string | string[] | number | undefined>;

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

export function normalizeHeaders(headers: HeaderBag): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    headers.forEach((value, name) => (out[name.toLowerCase()] = value));
    return out;
  }
  // A plain loop: this runs on every check, and pairs from Object.entries cost a third of a check.
  const bag = headers as Exclude<HeaderBag, Headers>;
  const names = Object.keys(bag);
  for (let i = 0; i < names.length; i++) {
    const value = bag[names[i]!];
    if (value !== undefined) out[names[i]!.toLowerCase()] = typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}


function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (Array.isArray(params.allowedValues)) return `${error.message}: ${params.allowedValues.join(', ')}`;
  if (error.keyword === 'const') return `${error.message} ${JSON.stringify(params.allowedValue)}`;
  return error.message ?? error.keyword;
}

/** Validators compiled ahead of time (generated/validators.js), for the bundle with this digest. */
export interface PrecompiledValidators {
  bundleDigest: string;
  validators: Record<string, ValidateFunction>;
}

/**
 * Schema pointer → validator: the precompiled functions when the contract is the bundle they were
 * compiled from, else Ajv compiling the caller's spec on demand.
 */
function validatorSource(contract: Contract, built: PrecompiledValidators): (pointer: string) => ValidateFunction {
  const ready: Record<string, ValidateFunction> = specDigest(contract.spec) === built.bundleDigest ? built.validators : {};
  let ajv: ReturnType<typeof createSpecAjv> | undefined;
  const compiled = new Map<string, ValidateFunction>();
  return pointer => {
    let fn = ready[pointer] ?? compiled.get(pointer);
    if (!fn) {
      ajv ??= createSpecAjv(contract.spec);
      fn = ajv.getSchema(specRef(pointer));
      if (!fn) throw new Error(`No schema at ${pointer}`);
      compiled.set(pointer, fn);
    }
    return fn;
  };
}

export function createContractValidator(contract: Contract = readContract()): ContractValidator {
  return validatorFor(contract, { bundleDigest, validators: precompiled });
}

/** A validator using the precompiled code of some build: generated/'s, or another contract's (bench/growth.ts). */
export function validatorFor(contract: Contract, built: PrecompiledValidators): ContractValidator {
  const { spec } = contract;
  const compile = validatorSource(contract, built);
  // Compile every schema a check can start from now, so that a broken bundle fails at load time.
  entrySchemas(contract).forEach(compile);

  /** The property whose const tells the alternatives apart (`code`, `status`, `type`), if any. */
  function discriminator(branches: string[]): string | undefined {
    const first = at(spec, branches[0]!);
    const candidates = new Set<string>();
    const collect = (pointer: string) => {
      const node = at(spec, follow(spec, pointer));
      if (!isObject(node)) return;
      Object.keys(isObject(node.properties) ? node.properties : {}).forEach(k => candidates.add(k));
      if (Array.isArray(node.allOf)) node.allOf.forEach((_, i) => collect(`${follow(spec, pointer)}/allOf/${i}`));
    };
    if (first !== undefined) collect(branches[0]!);
    return [...candidates].find(property => {
      const values = branches.map(b => constOf(spec, b, property));
      return values.every(v => v !== undefined) && new Set(values.map(v => JSON.stringify(v))).size === values.length;
    });
  }

  /** What `explain` needs to know of a schema, worked out once per pointer (checks run in hot loops). */
  interface SchemaPlan {
    resolved: string;
    /** For a union whose branches a property's const tells apart: that property and the branch of each value. */
    narrowing?: { property: string; branchOf: Map<string | undefined, string>; allowed: string };
    /** The keys of the schema's own `properties`, if it has any. */
    properties?: string[];
  }
  const plans = new Map<string, SchemaPlan>();
  function planOf(pointer: string): SchemaPlan {
    let plan = plans.get(pointer);
    if (plan) return plan;
    const resolved = follow(spec, pointer);
    plan = { resolved };
    const branches = alternatives(spec, resolved);
    if (branches.length > 1 || branches[0] !== resolved) {
      const property = discriminator(branches);
      if (property) {
        const values = branches.map(b => JSON.stringify(constOf(spec, b, property)));
        const branchOf = new Map<string | undefined, string>();
        branches.forEach((b, i) => branchOf.has(values[i]) || branchOf.set(values[i], b));
        plan.narrowing = { property, branchOf, allowed: values.join(', ') };
      }
    }
    const node = at(spec, resolved);
    if (isObject(node) && isObject(node.properties)) plan.properties = Object.keys(node.properties);
    plans.set(pointer, plan);
    return plan;
  }

  /** Violations of `value` against the schema at `pointer`, narrowed to the alternative it claims to be. */
  function explain(pointer: string, value: unknown, where: string): Violation[] {
    const validate = compile(pointer);
    if (validate(value)) return [];
    const errors = [...(validate.errors ?? [])];
    const { resolved, narrowing, properties } = planOf(pointer);
    if (narrowing && isObject(value)) {
      const claimed = JSON.stringify(value[narrowing.property]);
      const branch = narrowing.branchOf.get(claimed);
      if (!branch) {
        return [{ where: `${where}/${narrowing.property}`, message: `${claimed} is not one of the allowed values here: ${narrowing.allowed}` }];
      }
      return explain(branch, value, where);
    }
    if (properties && isObject(value)) {
      const out = errors.filter(e => e.instancePath === '').map(e => ({ where, message: describe(e) }));
      for (const key of properties) {
        if (key in value) out.push(...explain(propertyPointer(resolved, key), value[key], `${where}/${key}`));
      }
      if (out.length > 0) return out;
    }
    return errors.map(e => ({ where: `${where}${e.instancePath}`, message: describe(e) }));
  }

  /** Whether a header's schema is numeric (its text is then checked as a number), once per header. */
  const numericHeaders = new Map<string, boolean>();
  function isNumericHeader(schemaPointer: string): boolean {
    let numeric = numericHeaders.get(schemaPointer);
    if (numeric === undefined) {
      const schema = at(spec, follow(spec, schemaPointer));
      const type = isObject(schema) ? schema.type : undefined;
      numeric = type === 'integer' || type === 'number';
      numericHeaders.set(schemaPointer, numeric);
    }
    return numeric;
  }

  function checkHeaders(declared: DeclaredHeader[], headers: Record<string, string>): Violation[] {
    const out: Violation[] = [];
    for (const header of declared) {
      const raw = headers[header.name.toLowerCase()];
      if (raw === undefined) {
        if (header.required) out.push({ where: `header ${header.name}`, message: 'required header is missing' });
        continue;
      }
      const numeric = isNumericHeader(header.schema) && /^-?\d+(\.\d+)?$/.test(raw.trim());
      const value = numeric ? Number(raw) : raw;
      const validate = compile(header.schema);
      if (!validate(value)) {
        out.push(...(validate.errors ?? []).map(e => ({ where: `header ${header.name}`, message: `${JSON.stringify(raw)} ${describe(e)}` })));
      }
    }
    return out;
  }

  function parseBody(body: unknown): { value?: unknown; violation?: Violation } {
    if (body === undefined || body === '') return { violation: { where: 'body', message: 'the response has no body, the contract declares one' } };
    if (typeof body !== 'string') return { value: body };
    try {
      return { value: JSON.parse(body) };
    } catch {
      return { violation: { where: 'body', message: `not JSON: ${JSON.stringify(body.slice(0, 80))}` } };
    }
  }

  function checkAgainst(declared: DeclaredResponse, label: string, response: ObservedResponse): Violation[] {
    const headers = normalizeHeaders(response.headers);
    const out = checkHeaders(declared.headers, headers);
    if (!declared.schema) return out;
    const contentType = headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      out.push({ where: 'header Content-Type', message: `expected application/json, got ${JSON.stringify(contentType)}` });
    }
    const { value, violation } = parseBody(response.body);
    if (violation) return [...out, violation];
    const code = isObject(value) && isObject(value.error) ? value.error.code : undefined;
    if (declared.errorCodes.length > 0 && typeof code === 'string' && !declared.errorCodes.includes(code)) {
      out.push({
        where: 'body/error/code',
        message: `code ${JSON.stringify(code)} is not declared for ${label} ${declared.status}; allowed: ${declared.errorCodes.join(', ')}`,
      });
    } else {
      out.push(...explain(declared.schema, value, 'body'));
    }
    out.push(...checkRequestId(declared.status, headers, value));
    return out;
  }

  /** Every error body repeats the X-Request-Id header as error.request_id. */
  function checkRequestId(status: number, headers: Record<string, string>, body: unknown): Violation[] {
    const requestId = headers['x-request-id'];
    const error = isObject(body) && isObject(body.error) ? body.error : undefined;
    if (status < 400 || !error || requestId === undefined || error.request_id === requestId) return [];
    return [{
      where: 'body/error/request_id',
      message: `${JSON.stringify(error.request_id)} differs from the X-Request-Id header ${JSON.stringify(requestId)}`,
    }];
  }

  // Operations by id, the first of a duplicated id winning as in findOperation.
  const byId = new Map<string, Operation>();
  contract.operations.forEach(op => byId.has(op.operationId) || byId.set(op.operationId, op));

  function resolve(ref: OperationRef): Operation | undefined {
    if (typeof ref === 'string') {
      const op = byId.get(ref);
      if (!op) throw new Error(`No operation ${ref} in the contract`);
      return op;
    }
    return matchOperation(contract, ref.method, ref.path.split('?')[0]!)?.operation;
  }

  function checkResponse(ref: OperationRef, response: ObservedResponse): Violation[] {
    const operation = resolve(ref);
    if (!operation) {
      const label = typeof ref === 'string' ? ref : `${ref.method.toUpperCase()} ${ref.path}`;
      const out = response.status === 404 ? [] : [{ where: 'status', message: `${label} matches no operation: expected 404 (RouteNotFound), got ${response.status}` }];
      return [...out, ...checkAgainst(contract.routeNotFound, 'RouteNotFound', response)];
    }
    const declared = operation.responses.find(r => r.status === response.status);
    if (!declared) {
      const statuses = operation.responses.map(r => r.status).join(', ');
      const headers = normalizeHeaders(response.headers);
      const out: Violation[] = [{ where: 'status', message: `${response.status} is not declared for ${operation.operationId} (declared: ${statuses})` }];
      // Still say what else is wrong: every response has X-Request-Id, every error body is an envelope.
      out.push(...checkHeaders(contract.routeNotFound.headers.filter(h => h.name.toLowerCase() === 'x-request-id'), headers));
      if (response.status >= 400) {
        const { value } = parseBody(response.body);
        if (value !== undefined) out.push(...explain(ERROR_ENVELOPE, value, 'body'), ...checkRequestId(response.status, headers, value));
      }
      return out;
    }
    return checkAgainst(declared, operation.operationId, response);
  }

  function checkWebhook(delivery: WebhookDelivery): Violation[] {
    const headers = normalizeHeaders(delivery.headers);
    const { value, violation } = parseBody(delivery.body);
    if (violation) return [violation];
    const type = isObject(value) ? value.type : undefined;
    const webhook = contract.webhooks.find(w => constOf(spec, w.schema, 'type') === type);
    if (!webhook) {
      const known = contract.webhooks.map(w => JSON.stringify(constOf(spec, w.schema, 'type'))).join(', ');
      return [{ where: 'body/type', message: `${JSON.stringify(type)} is not a webhook event of the contract (${known})` }];
    }
    const out = [...checkHeaders(webhook.headers, headers), ...explain(webhook.schema, value, 'body')];
    if (delivery.secret !== undefined && out.every(v => !v.where.startsWith('header'))) {
      try {
        new StandardWebhook(delivery.secret).verify(delivery.body, headers);
      } catch (error) {
        out.push({ where: 'header webhook-signature', message: `does not verify: ${(error as Error).message}` });
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
