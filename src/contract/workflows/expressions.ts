// Arazzo runtime expressions as the workflows use them: `$statusCode`, `$response.body#/pointer`,
// `$response.header.Name`, `$inputs.name`, `$steps.id.outputs.name`, embedded as `{$...}` in strings,
// and simple conditions (`<expression> <op> <literal or expression>`). Anything else is an error
// naming the expression, so a workflow the suite cannot read fails loudly rather than passes.
import type { RawResponse } from '../http.ts';
import { at } from '../../kernel/pointer.ts';
import type { JsonObject } from '../../kernel/json.ts';

export interface ExpressionContext {
  inputs: Record<string, unknown>;
  steps: Record<string, { outputs: Record<string, unknown> }>;
  response?: RawResponse;
}

export class ExpressionError extends Error {}

const EXPRESSION = /^\$[A-Za-z][\w.-]*(#\/[^\s]*)?$/;

function responseValue(expression: string, response: RawResponse | undefined): unknown {
  if (!response) throw new ExpressionError(`${expression}: no response yet`);
  if (expression === '$statusCode') return response.status;
  if (expression === '$response.body') return response.body;
  if (expression.startsWith('$response.body#')) {
    const value = at(response.body as JsonObject, expression.slice('$response.body#'.length));
    if (value === undefined) throw new ExpressionError(`${expression}: the body has no value there`);
    return value;
  }
  const header = /^\$response\.header\.(.+)$/.exec(expression)?.[1];
  if (header !== undefined) return response.headers[header.toLowerCase()];
  throw new ExpressionError(`${expression}: not a runtime expression the suite reads`);
}

/** The value of one runtime expression. */
export function evaluate(expression: string, ctx: ExpressionContext): unknown {
  const input = /^\$inputs\.([\w-]+)$/.exec(expression)?.[1];
  if (input !== undefined) {
    if (!(input in ctx.inputs)) throw new ExpressionError(`${expression}: no such input`);
    return ctx.inputs[input];
  }
  const output = /^\$steps\.([\w-]+)\.outputs\.([\w.-]+)$/.exec(expression);
  if (output) {
    const value = ctx.steps[output[1]!]?.outputs[output[2]!];
    if (value === undefined) throw new ExpressionError(`${expression}: that step has no such output`);
    return value;
  }
  return responseValue(expression, ctx.response);
}

/** A value of the file with its expressions replaced: a whole `$...` string, `{$...}` inside one, recursively. */
export function resolve(value: unknown, ctx: ExpressionContext): unknown {
  if (typeof value === 'string') {
    if (EXPRESSION.test(value)) return evaluate(value, ctx);
    return value.replace(/\{(\$[^}]+)\}/g, (_, expression: string) => String(evaluate(expression, ctx)));
  }
  if (Array.isArray(value)) return value.map(item => resolve(item, ctx));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, ctx)]));
  return value;
}

function operand(text: string, ctx: ExpressionContext): unknown {
  if (text.startsWith('$')) return evaluate(text, ctx);
  if (/^'.*'$/.test(text)) return text.slice(1, -1);
  if (text === 'true' || text === 'false' || text === 'null') return JSON.parse(text);
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  throw new ExpressionError(`${text}: not a literal or runtime expression`);
}

const compare: Record<string, (a: unknown, b: unknown) => boolean> = {
  // A header is text: `'true'` equals a header `true`, and `200` a status 200, as Arazzo's loose `==`.
  '==': (a, b) => String(a) === String(b),
  '!=': (a, b) => String(a) !== String(b),
  '<': (a, b) => Number(a) < Number(b),
  '<=': (a, b) => Number(a) <= Number(b),
  '>': (a, b) => Number(a) > Number(b),
  '>=': (a, b) => Number(a) >= Number(b),
};

/** Whether a simple condition holds; an ExpressionError when it cannot be read or a value is missing. */
export function holds(condition: string, ctx: ExpressionContext): boolean {
  const match = /^(\S+)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(condition.trim());
  if (!match) throw new ExpressionError(`${condition}: not a simple condition (<value> <op> <value>)`);
  return compare[match[2]!]!(operand(match[1]!, ctx), operand(match[3]!.trim(), ctx));
}
