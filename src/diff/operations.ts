// Operations and webhooks of two versions of the contract, matched by method and path (webhooks by
// name): what was added, removed or deprecated, their security, and each request (requests.ts),
// response (responses.ts) and relation (relations.ts: `default`, callbacks, links) compared in turn.
import { pointerTo } from '../kernel/pointer.ts';
import { operationPointer, type Operation } from '../kernel/contract.ts';
import { change, type Scope } from './change.ts';
import { compareParameters, compareRequestBody } from './requests.ts';
import { compareRelations } from './relations.ts';
import { compareResponses } from './responses.ts';
import { compareSchemas } from './schemas.ts';
import { nodeAt as node, type Direction, type Walk } from './walk.ts';

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
  compareRelations(walk, old, op);
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
