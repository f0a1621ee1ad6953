// Operations and webhooks of two versions of the contract, matched by method and path (webhooks by
// name): what was added, removed or deprecated, and each request and response compared in turn.
import { at, follow, pointerTo } from '../../src/kernel/pointer.ts';
import {
  operationPointer,
  type DeclaredResponse,
  type Operation,
  type Spec,
} from '../../src/kernel/contract.ts';
import { change, type Scope } from './change.ts';
import { compareSchemas, type Direction, type Walk } from './schemas.ts';

type Node = Record<string, any>;
const node = (spec: Spec, pointer: string): Node => (at(spec, pointer) ?? {}) as Node;
const JSON_BODY = 'content/application~1json/schema';

/** Operations by method and path: one removed breaks its callers; then each kept one, and the webhooks. */
export function compareOperations(walk: Walk): void {
  const before = new Map(walk.contracts.base.operations.map(op => [`${op.method} ${op.path}`, op]));
  const after = new Map(walk.contracts.head.operations.map(op => [`${op.method} ${op.path}`, op]));
  for (const [key, op] of after) {
    const old = before.get(key);
    const pointer = operationPointer(op);
    if (old) compareOperation(walk, old, op);
    else
      walk.out.push(
        change('operation-added', `new operation ${key}`, pointer, { operations: [op.operationId] }, 'added'),
      );
  }
  for (const [key, op] of before) {
    if (after.has(key)) continue;
    walk.out.push(
      change(
        'operation-removed',
        `operation ${key} removed`,
        operationPointer(op),
        { operations: [op.operationId] },
        'clients',
        'base',
      ),
    );
  }
  compareWebhooks(walk);
}

/** One operation kept from the base: its identity, deprecation, security, request and responses. */
function compareOperation(walk: Walk, old: Operation, op: Operation) {
  const b = operationPointer(old);
  const h = operationPointer(op);
  const scope = { operations: [op.operationId] };
  const base = node(walk.base, b);
  const head = node(walk.head, h);
  const name = `${op.method} ${op.path}`;
  if (old.operationId !== op.operationId) {
    walk.out.push(
      change(
        'operation-id-changed',
        `${name}: operationId \`${old.operationId}\` became \`${op.operationId}\` (the contract suite and the docs anchors use it)`,
        `${h}/operationId`,
        scope,
        'both',
      ),
    );
  }
  if (head.deprecated === true && base.deprecated !== true)
    walk.out.push(
      change('operation-deprecated', `${name} is deprecated`, `${h}/deprecated`, scope, 'deprecated'),
    );
  // Inherited from the document: one change at `security`, for every operation that inherits it.
  const inherited = base.security === undefined && head.security === undefined;
  compareSecurity(
    walk,
    base.security ?? walk.base.security,
    head.security ?? walk.head.security,
    inherited ? 'every operation' : name,
    inherited ? '#/security' : h,
    scope,
  );
  compareParameters(walk, b, h, scope);
  compareRequestBody(walk, b, h, scope);
  compareResponses(walk, old.responses, op.responses, scope);
}

/**
 * Authentication where there was none breaks clients that send none; none where there was some
 * breaks servers held to rejecting unauthenticated calls; any other change of scheme breaks both.
 */
function compareSecurity(
  walk: Walk,
  before: unknown,
  after: unknown,
  name: string,
  pointer: string,
  scope: Scope,
) {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const open = (security: unknown) =>
    !Array.isArray(security) ||
    security.length === 0 ||
    security.some(s => Object.keys(s ?? {}).length === 0);
  if (open(before) && !open(after))
    walk.out.push(change('security-added', `${name} now requires authentication`, pointer, scope, 'clients'));
  else if (!open(before) && open(after))
    walk.out.push(
      change('security-removed', `${name} no longer requires authentication`, pointer, scope, 'servers'),
    );
  else
    walk.out.push(
      change('security-changed', `${name}: its security requirements changed`, pointer, scope, 'both'),
    );
}

/** A parameter's identity is where it goes and its name. */
function parametersOf(spec: Spec, operation: string): Map<string, string> {
  const pathItem = operation.replace(/\/[^/]+$/, '');
  const pointers = [`${pathItem}/parameters`, `${operation}/parameters`].flatMap(list =>
    ((at(spec, list) as unknown[] | undefined) ?? []).map((_, i) => follow(spec, `${list}/${i}`)),
  );
  return new Map(pointers.map(pointer => [`${node(spec, pointer).in} ${node(spec, pointer).name}`, pointer]));
}

/** Parameters are request input: a new required one or a removed one breaks clients. */
function compareParameters(walk: Walk, b: string, h: string, scope: Scope) {
  const before = parametersOf(walk.base, b);
  const after = parametersOf(walk.head, h);
  for (const [key, pointer] of after) {
    const param = node(walk.head, pointer);
    const label = `${param.in} parameter \`${param.name}\``;
    const old = before.get(key);
    if (!old) {
      walk.out.push(
        change(
          param.required ? 'parameter-required-added' : 'parameter-added',
          `new ${param.required ? 'required' : 'optional'} ${label}`,
          pointer,
          scope,
          param.required ? 'clients' : 'added',
        ),
      );
      continue;
    }
    const was = node(walk.base, old);
    if (param.required && !was.required)
      walk.out.push(
        change('parameter-became-required', `${label} became required`, pointer, scope, 'clients'),
      );
    if (!param.required && was.required)
      walk.out.push(
        change('parameter-became-optional', `${label} became optional`, pointer, scope, 'changed'),
      );
    if (param.deprecated === true && was.deprecated !== true)
      walk.out.push(change('parameter-deprecated', `${label} is deprecated`, pointer, scope, 'deprecated'));
    compareSchemas(
      walk,
      `${old}/schema`,
      `${pointer}/schema`,
      'request',
      { context: label, path: '' },
      scope,
    );
  }
  for (const [key, pointer] of before) {
    if (after.has(key)) continue;
    const param = node(walk.base, pointer);
    walk.out.push(
      change(
        'parameter-removed',
        `${param.in} parameter \`${param.name}\` removed`,
        pointer,
        scope,
        'clients',
        'base',
      ),
    );
  }
}

/** The JSON request body: added, removed, made required, and its schema as a request. */
function compareRequestBody(walk: Walk, b: string, h: string, scope: Scope) {
  const before = node(walk.base, follow(walk.base, `${b}/requestBody`));
  const after = node(walk.head, follow(walk.head, `${h}/requestBody`));
  const pointer = follow(walk.head, `${h}/requestBody`);
  const had = Object.keys(before).length > 0;
  const has = Object.keys(after).length > 0;
  if (!had && has)
    walk.out.push(
      change(
        after.required ? 'request-body-required-added' : 'request-body-added',
        `new ${after.required ? 'required ' : ''}request body`,
        pointer,
        scope,
        after.required ? 'clients' : 'added',
      ),
    );
  if (had && !has)
    walk.out.push(
      change(
        'request-body-removed',
        'request body removed',
        follow(walk.base, `${b}/requestBody`),
        scope,
        'clients',
        'base',
      ),
    );
  if (!had || !has) return;
  if (after.required && !before.required)
    walk.out.push(
      change('request-body-became-required', 'the request body became required', pointer, scope, 'clients'),
    );
  compareSchemas(
    walk,
    `${follow(walk.base, `${b}/requestBody`)}/${JSON_BODY}`,
    `${pointer}/${JSON_BODY}`,
    'request',
    { context: 'the request body', path: '' },
    scope,
  );
}

/** Responses by status: the error codes each allows (by the catalogue's rules), headers, body. */
function compareResponses(walk: Walk, before: DeclaredResponse[], after: DeclaredResponse[], scope: Scope) {
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

/** Webhook payloads flow to the client's receiver: they are compared as responses. */
function compareWebhooks(walk: Walk) {
  const direction: Direction = 'response';
  const before = walk.contracts.base.webhooks;
  for (const hook of walk.contracts.head.webhooks) {
    const old = before.find(w => w.name === hook.name);
    const pointer = pointerTo('webhooks', hook.name, 'post');
    const scope = { operations: [hook.operationId] };
    if (!old) {
      walk.out.push(change('webhook-added', `new webhook \`${hook.name}\``, pointer, scope, 'added'));
      continue;
    }
    if (node(walk.head, pointer).deprecated === true && node(walk.base, pointer).deprecated !== true) {
      walk.out.push(
        change(
          'webhook-deprecated',
          `webhook \`${hook.name}\` is deprecated`,
          `${pointer}/deprecated`,
          scope,
          'deprecated',
        ),
      );
    }
    compareSchemas(
      walk,
      old.schema,
      hook.schema,
      direction,
      { context: `the \`${hook.name}\` webhook payload`, path: '' },
      scope,
    );
  }
  for (const old of before.filter(w => !walk.contracts.head.webhooks.some(h => h.name === w.name))) {
    walk.out.push(
      change(
        'webhook-removed',
        `webhook \`${old.name}\` removed`,
        pointerTo('webhooks', old.name),
        { operations: [old.operationId] },
        'clients',
        'base',
      ),
    );
  }
}
