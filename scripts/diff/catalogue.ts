// The error contract's own rules. Clients treat an unknown error code as `api_unknown` and an
// unknown failure code as `task_failed_unknown`, so a new code is an addition; but a code that goes
// away, moves to another status, changes type or stops being retryable changes what clients do.
import { alternatives, constOf, type Contract, type Spec } from '../../src/kernel/contract.ts';
import { pointerTo } from '../../src/kernel/pointer.ts';
import { extractCatalogue } from '../catalogue.ts';
import { change } from './change.ts';
import type { Walk } from './schemas.ts';

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
  const schemas = { base: codeSchemas(walk.base, 'ApiError'), head: codeSchemas(walk.head, 'ApiError') };
  for (const entry of after.errors) {
    const old = before.errors.find(e => e.code === entry.code);
    const pointer = schemas.head.get(entry.code)!;
    const scope = { operations: operationsReturning(walk.contracts.head, entry.code), codes: [entry.code] };
    const at = (rule: string, message: string, kind: Parameters<typeof change>[4], field: string) =>
      walk.out.push(change(rule, message, `${pointer}/${field}`, scope, kind));
    if (!old) {
      walk.out.push(
        change(
          'error-code-added',
          `new error code \`${entry.code}\` (${entry.status}, ${entry.retryable ? 'retryable' : 'not retryable'})`,
          pointer,
          scope,
          'added',
        ),
      );
      continue;
    }
    if (old.status !== entry.status)
      at(
        'error-code-status-changed',
        `error code \`${entry.code}\` moved from status ${old.status} to ${entry.status}`,
        'both',
        'x-status',
      );
    if (old.type !== entry.type)
      at(
        'error-code-type-changed',
        `error code \`${entry.code}\` changed type from \`${old.type}\` to \`${entry.type}\``,
        'both',
        'allOf',
      );
    if (old.retryable && !entry.retryable)
      at(
        'error-code-no-longer-retryable',
        `error code \`${entry.code}\` is no longer retryable: clients that retried it must not`,
        'clients',
        'x-retryable',
      );
    if (!old.retryable && entry.retryable)
      at(
        'error-code-now-retryable',
        `error code \`${entry.code}\` is now retryable`,
        'changed',
        'x-retryable',
      );
    if (old.action !== entry.action)
      at(
        'error-code-action-changed',
        `what to do on \`${entry.code}\` changed: ${entry.action}`,
        'changed',
        'x-action',
      );
  }
  for (const old of before.errors.filter(e => !after.errors.some(a => a.code === e.code))) {
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

  const failures = { base: codeSchemas(walk.base, 'TaskError'), head: codeSchemas(walk.head, 'TaskError') };
  for (const entry of after.failures) {
    const old = before.failures.find(f => f.code === entry.code);
    const pointer = failures.head.get(entry.code)!;
    const scope = { operations: [], codes: [entry.code] };
    if (!old) {
      walk.out.push(
        change(
          'failure-code-added',
          `new video failure code \`${entry.code}\` (clients without it see \`task_failed_unknown\`)`,
          pointer,
          scope,
          'added',
        ),
      );
      continue;
    }
    if (old.retryable && !entry.retryable)
      walk.out.push(
        change(
          'failure-code-no-longer-retryable',
          `failure code \`${entry.code}\` is no longer retryable`,
          `${pointer}/x-retryable`,
          scope,
          'clients',
        ),
      );
    if (!old.retryable && entry.retryable)
      walk.out.push(
        change(
          'failure-code-now-retryable',
          `failure code \`${entry.code}\` is now retryable`,
          `${pointer}/x-retryable`,
          scope,
          'changed',
        ),
      );
    if (old.action !== entry.action)
      walk.out.push(
        change(
          'failure-code-action-changed',
          `what to do on failure \`${entry.code}\` changed: ${entry.action}`,
          `${pointer}/x-action`,
          scope,
          'changed',
        ),
      );
  }
  for (const old of before.failures.filter(f => !after.failures.some(a => a.code === f.code))) {
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
