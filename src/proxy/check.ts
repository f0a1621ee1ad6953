// Checks one buffered upstream answer against the contract, as it was sent. What it says about the
// answer may quote the caller's key (the validator quotes header values whole): the proxy redacts
// every line it writes.
import type { IncomingHttpHeaders } from 'node:http';
import type { ContractValidator, Violation } from '../contract/index.ts';
import { lowerCaseHeaders } from '../kernel/headers.ts';
import { matchOperation } from '../kernel/contract.ts';
import { isObject } from '../kernel/json.ts';
import { decodeBody, DecodedTooLarge } from './encodings.ts';
import type { Redact } from './redact.ts';

export interface Call {
  method: string;
  /** Without the query. */
  path: string;
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent, possibly compressed (Content-Encoding). */
  body: Buffer;
}

export interface Checked {
  /** The operationId, or null when the method and path are outside the contract. */
  operation: string | null;
  /** The upstream's X-Request-Id, else its error.request_id, else `-`. */
  requestId: string;
  violations: Violation[];
  /** Set when the body cannot be read as JSON at all: the upstream is broken, not just off-contract. */
  unreadable?: string;
  /** Set with `unreadable` when the body decodes to more than the proxy's cap. */
  overLimit?: boolean;
  /** The body as decoded (Content-Encoding undone), when it could be: what a HAR records. */
  text?: string;
}

/** The operationId the call matches, or null outside the contract. */
export const operationOf = (validator: ContractValidator, call: Call) =>
  matchOperation(validator.contract, call.method, call.path)?.operation.operationId ?? null;

/** `redact` is applied to the one quote that is cut short here (a body that is not JSON). */
export function checkAnswer(
  validator: ContractValidator,
  call: Call,
  answer: Answer,
  redact: Redact,
  maxDecodedBytes: number,
): Checked {
  const operation = operationOf(validator, call);
  const headers = lowerCaseHeaders(answer.headers);
  let text: string;
  try {
    text = decodeBody(answer.body, headers['content-encoding'], maxDecodedBytes);
  } catch (error) {
    return {
      operation,
      requestId: headers['x-request-id'] ?? '-',
      violations: [],
      unreadable: (error as Error).message,
      ...(error instanceof DecodedTooLarge ? { overLimit: true } : {}),
    };
  }
  let body: unknown;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      // Redacted before it is cut short, so that the cut cannot leave a stub of the key.
      return {
        operation,
        requestId: headers['x-request-id'] ?? '-',
        violations: [],
        text,
        unreadable: `the body is not JSON: ${JSON.stringify(redact(text).slice(0, 80))}`,
      };
    }
  }
  const fromBody =
    isObject(body) && isObject(body.error) && typeof body.error.request_id === 'string'
      ? body.error.request_id
      : undefined;
  const violations = validator.checkResponse(operation ?? call, { status: answer.status, headers, body });
  return { operation, requestId: headers['x-request-id'] ?? fromBody ?? '-', violations, text };
}
