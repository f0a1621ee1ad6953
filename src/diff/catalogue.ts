// The error contract's own rules. Clients treat an unknown error code as `api_unknown` and an
// unknown failure code as `task_failed_unknown`, so a new code is an addition; but a code that goes
// away, moves to another status, changes type or stops being retryable changes what clients do.
import { alternatives, constOf, type Contract, type Spec } from '../kernel/contract.ts';
import { pointerTo } from '../kernel/pointer.ts';
import {
  extractCatalogue,
  type ErrorCatalogueEntry,
  type FailureCatalogueEntry,
} from '../catalogue/extract.ts';
import { change, type Kind, type Scope } from './change.ts';
import type { Walk } from './walk.ts';

/** code → pointer of its schema in the bundle. */
function codeSchemas(spec: Spec, union: string): Map<string, string> {
  return new Map(
    alternatives(spec, pointerTo('components', 'schemas', union)).map(pointer => [
      String(constOf(spec, pointer, 'code')),
      pointer,
    ]),
  );
}

/** Operations whose responses may carry `code`. */
const operationsReturning = (contract: Contract, code: string) =>
  contract.operations
    .filter(op => op.responses.some(r => r.errorCodes.includes(code)))
    .map(op => op.operationId);

/** The error catalogue and the failure catalogue, code by code. */
export function compareCatalogues(walk: Walk): void {
  const before = extractCatalogue(walk.base);
  const after = extractCatalogue(walk.head);
  compareErrorCodes(walk, before.errors, after.errors);
  compareFailureCodes(walk, before.failures, after.failures);
}

function compareErrorCodes(walk: Walk, before: ErrorCatalogueEntry[], after: ErrorCatalogueEntry[]) {
  const schemas = { base: codeSchemas(walk.base, 'ApiError'), head: codeSchemas(walk.head, 'ApiError') };
  for (const entry of after) {
    const old = before.find(e => e.code === entry.code);
    const pointer = schemas.head.get(entry.code)!;
    const scope = { operations: operationsReturning(walk.contracts.head, entry.code), codes: [entry.code] };
    if (old) compareErrorCode(walk, old, entry, pointer, scope);
    else
      walk.out.push(
        change(
          'error-code-added',
          `new error code \`${entry.code}\` (${entry.status}, ${entry.retryable ? 'retryable' : 'not retryable'})`,
          pointer,
          scope,
          'added',
        ),
      );
  }
  for (const old of before.filter(e => !after.some(a => a.code === e.code))) {
    const scope = { operations: operationsReturning(walk.contracts.base, old.code), codes: [old.code] };
    walk.out.push(
      change(
        'error-code-removed',
        `error code \`${old.code}\` removed from the catalogue`,
        schemas.base.get(old.code)!,
        scope,
        'both',
        'base',
      ),
    );
  }
}

/** One error code in both versions: its status, type, retryability and advice. */
function compareErrorCode(
  walk: Walk,
  old: ErrorCatalogueEntry,
  entry: ErrorCatalogueEntry,
  pointer: string,
  scope: Scope,
) {
  const at = (rule: string, message: string, kind: Kind, field: string) =>
    walk.out.push(change(rule, message, `${pointer}/${field}`, scope, kind));
  const code = `error code \`${entry.code}\``;
  if (old.status !== entry.status)
    at(
      'error-code-status-changed',
      `${code} moved from status ${old.status} to ${entry.status}`,
      'both',
      'x-status',
    );
  if (old.type !== entry.type)
    at(
      'error-code-type-changed',
      `${code} changed type from \`${old.type}\` to \`${entry.type}\``,
      'both',
      'allOf',
    );
  if (old.retryable && !entry.retryable)
    at(
      'error-code-no-longer-retryable',
      `${code} is no longer retryable: clients that retried it must not`,
      'clients',
      'x-retryable',
    );
  if (!old.retryable && entry.retryable)
    at('error-code-now-retryable', `${code} is now retryable`, 'changed', 'x-retryable');
  if (old.action !== entry.action)
    at(
      'error-code-action-changed',
      `what to do on \`${entry.code}\` changed: ${entry.action}`,
      'changed',
      'x-action',
    );
}

function compareFailureCodes(walk: Walk, before: FailureCatalogueEntry[], after: FailureCatalogueEntry[]) {
  const failures = { base: codeSchemas(walk.base, 'TaskError'), head: codeSchemas(walk.head, 'TaskError') };
  for (const entry of after) {
    const old = before.find(f => f.code === entry.code);
    const pointer = failures.head.get(entry.code)!;
    const scope = { operations: [], codes: [entry.code] };
    if (old) compareFailureCode(walk, old, entry, pointer, scope);
    else
      walk.out.push(
        change(
          'failure-code-added',
          `new video failure code \`${entry.code}\` (clients without it see \`task_failed_unknown\`)`,
          pointer,
          scope,
          'added',
        ),
      );
  }
  for (const old of before.filter(f => !after.some(a => a.code === f.code))) {
    walk.out.push(
      change(
        'failure-code-removed',
        `video failure code \`${old.code}\` removed`,
        failures.base.get(old.code)!,
        { operations: [], codes: [old.code] },
        'both',
        'base',
      ),
    );
  }
}

/** One failure code in both versions: its retryability and advice. */
function compareFailureCode(
  walk: Walk,
  old: FailureCatalogueEntry,
  entry: FailureCatalogueEntry,
  pointer: string,
  scope: Scope,
) {
  const at = (rule: string, message: string, kind: Kind, field: string) =>
    walk.out.push(change(rule, message, `${pointer}/${field}`, scope, kind));
  const code = `failure code \`${entry.code}\``;
  if (old.retryable && !entry.retryable)
    at('failure-code-no-longer-retryable', `${code} is no longer retryable`, 'clients', 'x-retryable');
  if (!old.retryable && entry.retryable)
    at('failure-code-now-retryable', `${code} is now retryable`, 'changed', 'x-retryable');
  if (old.action !== entry.action)
    at(
      'failure-code-action-changed',
      `what to do on failure \`${entry.code}\` changed: ${entry.action}`,
      'changed',
      'x-action',
    );
}
