// Which error and failure codes this version knows, from the catalogue's short lists (not its full
// tables, which a browser bundle should not carry), so that a new code in the spec is known after a build.
import { errorCodes, failureCodes, type ErrorCode, type FailureCode } from '../../generated/catalogue.ts';

export const isErrorCode = (code: string): code is ErrorCode =>
  (errorCodes as readonly string[]).includes(code);
export const isFailureCode = (code: string): code is FailureCode =>
  (failureCodes as readonly string[]).includes(code);
