// What an operation takes: its parameters (by where they go and their name) and its JSON request
// body, compared as requests: a new required input or a removed one breaks the clients that call it.
import { at, follow } from '../kernel/pointer.ts';
import type { Spec } from '../kernel/contract.ts';
import { change, type Scope } from './change.ts';
import { compareSchemas } from './schemas.ts';
import { nodeAt as node, type Walk } from './walk.ts';

const JSON_BODY = 'content/application~1json/schema';

/** A parameter's identity is where it goes and its name. */
function parametersOf(spec: Spec, operation: string): Map<string, string> {
  const pathItem = operation.replace(/\/[^/]+$/, '');
  const pointers = [`${pathItem}/parameters`, `${operation}/parameters`].flatMap(list =>
    ((at(spec, list) as unknown[] | undefined) ?? []).map((_, i) => follow(spec, `${list}/${i}`)),
  );
  return new Map(pointers.map(pointer => [`${node(spec, pointer).in} ${node(spec, pointer).name}`, pointer]));
}

/** Parameters are request input: a new required one or a removed one breaks clients. */
export function compareParameters(walk: Walk, b: string, h: string, scope: Scope) {
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
export function compareRequestBody(walk: Walk, b: string, h: string, scope: Scope) {
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
