// An error as the contract words it, and its body: status, type and doc_url come from the generated
// catalogue, so that the mock and the proxy answer errors exactly as the contract declares them.
import { errorCatalogue, type ErrorCode } from '../../generated/catalogue.ts';

export interface ContractError {
  status: number;
  code: ErrorCode;
  message: string;
  param: string | null;
  extras?: Record<string, unknown>;
}

export function contractError(
  code: ErrorCode,
  message: string,
  param: string | null = null,
  extras?: Record<string, unknown>,
): ContractError {
  return { status: errorCatalogue[code].status, code, message, param, ...(extras ? { extras } : {}) };
}

export function errorBody(error: ContractError, requestId: string) {
  const entry = errorCatalogue[error.code];
  return {
    error: {
      message: error.message,
      type: entry.type,
      code: error.code,
      param: error.param,
      doc_url: entry.docUrl,
      request_id: requestId,
      ...error.extras,
    },
  };
}
