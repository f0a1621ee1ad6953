// The scenarios of the contract suite, made from the spec, and the forced ones: they ask for each
// documented status and named example with `Prefer` (a mock honours it, a real server does not).
// The behaviour ones, which any conforming server must answer as given, are in behaviour-scenarios.ts.
import type { ErrorCode } from '../../generated/catalogue.ts';
import type { RawRequest } from './http.ts';
import { at, follow } from '../kernel/pointer.ts';
import { operationPointer, type Contract, type Operation } from '../kernel/contract.ts';
import { type Json, type JsonObject } from '../kernel/json.ts';
import { isObject } from '../kernel/json.ts';

export interface Expectation {
  status: number;
  error?: { code: ErrorCode; param?: string | null; reason?: string; resource?: string };
  /** The named example the body must equal, ids (generation id, request_id) aside. */
  example?: Json;
}

export interface Scenario {
  name: string;
  /** Undefined for requests outside every operation (they must get UnlistedError). */
  operationId?: string;
  request: RawRequest;
  /** Relies on `Prefer`: only a mock can honour it. */
  forced: boolean;
  /** Starts a generation, which a real server charges for. */
  billable: boolean;
  expect: Expectation;
}

/** The path of an operation with each parameter set to its schema's example. */
export function examplePath(contract: Contract, op: Operation): string {
  const params = at(contract.spec, `${operationPointer(op)}/parameters`);
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    for (let i = 0; Array.isArray(params) && i < params.length; i++) {
      const p = at(contract.spec, follow(contract.spec, `${operationPointer(op)}/parameters/${i}`));
      if (!isObject(p) || p.name !== name || p.in !== 'path') continue;
      const schema = at(
        contract.spec,
        follow(contract.spec, `${follow(contract.spec, `${operationPointer(op)}/parameters/${i}`)}/schema`),
      );
      const example = isObject(schema)
        ? Array.isArray(schema.examples)
          ? schema.examples[0]
          : schema.example
        : undefined;
      if (example !== undefined) return encodeURIComponent(String(example));
    }
    throw new Error(`No example for path parameter ${name} of ${op.operationId}`);
  });
}

/** The operation's first request example, when it has one. */
export function exampleBody(op: Operation): JsonObject | undefined {
  const first = Object.values(op.requestExamples)[0];
  return isObject(first) ? first : undefined;
}

/** A valid request for the operation: the spec's request example, the path parameter examples, the key. */
export function validRequest(contract: Contract, op: Operation, apiKey: string): RawRequest {
  const body = exampleBody(op);
  return {
    method: op.method,
    path: examplePath(contract, op),
    headers: {
      authorization: `Bearer ${apiKey}`,
      accept: 'application/json',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  };
}

/** Every operation × documented status × named example, asked for with `Prefer`. */
export function forcedScenarios(contract: Contract, apiKey: string): Scenario[] {
  return contract.operations.flatMap(op =>
    op.responses.flatMap(response => {
      const named = Object.entries(response.examples);
      const cases: [string | undefined, Json | undefined][] =
        named.length > 0 ? named : [[undefined, undefined]];
      return cases.map(([example, value]) => {
        const base = validRequest(contract, op, apiKey);
        return {
          name: `${op.operationId} ${response.status}${example ? ` ${example}` : ''}`,
          operationId: op.operationId,
          request: {
            ...base,
            headers: {
              ...base.headers,
              prefer: `code=${response.status}${example ? `, example=${example}` : ''}`,
            },
          },
          forced: true,
          billable: response.status < 300 && op.method === 'POST',
          expect: { status: response.status, ...(value !== undefined ? { example: value } : {}) },
        };
      });
    }),
  );
}
