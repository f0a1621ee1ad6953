// A declared header's check: worked out once per header (its lower-case name, whether its text is
// read as a number, its validator), then run against each response's headers.
import type { ValidateFunction } from 'ajv';
import type { DeclaredHeader } from '../kernel/contract.ts';
import { isObject } from '../kernel/json.ts';
import { at, follow } from '../kernel/pointer.ts';
import { describe } from './explain.ts';
import type { SchemaPlans } from './schema-plans.ts';
import { headerKind } from './violation-kind.ts';
import type { Violation } from './violations.ts';

export interface HeaderPlan {
  name: string;
  key: string;
  required: boolean;
  numeric: boolean;
  validate: ValidateFunction;
}

/** The check of one declared header, with the spec and validators of `plans`. */
export function headerPlan({ spec, compile }: SchemaPlans, header: DeclaredHeader): HeaderPlan {
  const schema = at(spec, follow(spec, header.schema));
  const type = isObject(schema) ? schema.type : undefined;
  return {
    name: header.name,
    key: header.name.toLowerCase(),
    required: header.required,
    numeric: type === 'integer' || type === 'number',
    validate: compile(header.schema),
  };
}

/** The violations of the declared headers in `headers` (lower-case names, as headerRecord makes them). */
export function checkHeaders(declared: HeaderPlan[], headers: Record<string, string>): Violation[] {
  const out: Violation[] = [];
  for (const header of declared) {
    const raw = headers[header.key];
    if (raw === undefined) {
      if (header.required)
        out.push({
          kind: headerKind('missing header', header.name),
          where: `header ${header.name}`,
          message: 'required header is missing',
        });
      continue;
    }
    const value = header.numeric && /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
    if (!header.validate(value)) {
      for (const e of header.validate.errors ?? [])
        out.push({
          kind: headerKind('bad header', header.name),
          where: `header ${header.name}`,
          message: `${JSON.stringify(raw)} ${describe(e)}`,
        });
    }
  }
  return out;
}
