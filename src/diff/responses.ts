// What an operation answers: its responses by status, the error codes each may carry (by the
// catalogue's rules: a new code is an addition, a code gone breaks both sides), their headers and
// bodies, compared as responses.
import type { DeclaredResponse } from '../kernel/contract.ts';
import { change, type Scope } from './change.ts';
import { compareSchemas } from './schemas.ts';
import type { Walk } from './walk.ts';

/** Responses by status: the error codes each allows (by the catalogue's rules), headers, body. */
export function compareResponses(
  walk: Walk,
  before: DeclaredResponse[],
  after: DeclaredResponse[],
  scope: Scope,
) {
  for (const response of after) {
    const old = before.find(r => r.status === response.status);
    if (!old) {
      walk.out.push(
        change(
          'response-status-added',
          `new ${response.status} response`,
          response.pointer,
          { ...scope, codes: response.errorCodes },
          'added',
        ),
      );
      continue;
    }
    compareResponse(walk, old, response, scope);
  }
  for (const old of before.filter(r => !after.some(a => a.status === r.status))) {
    walk.out.push(
      change(
        'response-status-removed',
        `the ${old.status} response was removed`,
        old.pointer,
        { ...scope, codes: old.errorCodes },
        'both',
        'base',
      ),
    );
  }
}

/** One status in both versions: the error codes it may carry, its headers and its body. */
function compareResponse(walk: Walk, old: DeclaredResponse, response: DeclaredResponse, scope: Scope) {
  const context = `the ${response.status} response`;
  for (const code of response.errorCodes.filter(c => !old.errorCodes.includes(c))) {
    walk.out.push(
      change(
        'error-code-added-to-response',
        `${context} may carry error code \`${code}\` (clients without it see \`api_unknown\`)`,
        response.schema ?? response.pointer,
        { ...scope, codes: [code] },
        'added',
      ),
    );
  }
  for (const code of old.errorCodes.filter(c => !response.errorCodes.includes(c))) {
    walk.out.push(
      change(
        'error-code-removed-from-response',
        `${context} no longer carries error code \`${code}\``,
        old.schema ?? old.pointer,
        { ...scope, codes: [code] },
        'both',
        'base',
      ),
    );
  }
  compareHeaders(walk, old, response, context, scope);
  if (old.schema && response.schema)
    compareSchemas(walk, old.schema, response.schema, 'response', { context, path: '' }, scope);
  else if (old.schema)
    walk.out.push(
      change(
        'response-body-removed',
        `${context} no longer has a body`,
        old.schema,
        scope,
        'clients',
        'base',
      ),
    );
}

/** Response headers: servers must send a required one, clients may rely on it. */
function compareHeaders(
  walk: Walk,
  old: DeclaredResponse,
  response: DeclaredResponse,
  context: string,
  scope: Scope,
) {
  for (const header of response.headers) {
    const was = old.headers.find(h => h.name.toLowerCase() === header.name.toLowerCase());
    const pointer = header.schema.replace(/\/schema$/, '');
    const label = `header \`${header.name}\` of ${context}`;
    if (!was) {
      walk.out.push(
        change(
          header.required ? 'response-header-required-added' : 'response-header-added',
          `new ${header.required ? 'required ' : ''}${label}`,
          pointer,
          scope,
          header.required ? 'servers' : 'added',
        ),
      );
      continue;
    }
    if (header.required && !was.required)
      walk.out.push(
        change('response-header-became-required', `${label} became required`, pointer, scope, 'servers'),
      );
    if (!header.required && was.required)
      walk.out.push(
        change('response-header-became-optional', `${label} became optional`, pointer, scope, 'clients'),
      );
    compareSchemas(walk, was.schema, header.schema, 'response', { context: label, path: '' }, scope);
  }
  for (const was of old.headers.filter(
    o => !response.headers.some(h => h.name.toLowerCase() === o.name.toLowerCase()),
  )) {
    walk.out.push(
      change(
        'response-header-removed',
        `header \`${was.name}\` of ${context} removed`,
        was.schema.replace(/\/schema$/, ''),
        scope,
        was.required ? 'clients' : 'changed',
        'base',
      ),
    );
  }
}
