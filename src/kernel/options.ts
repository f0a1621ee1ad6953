// The options of a server-side entry point (createMock, startMockServer, createMockFetch, the MSW
// handlers, startProxy, runContractSuite), checked when they are given: each option the table knows
// has a kind, and a value of another kind is a TypeError naming the entry point and the option, at
// once, not a crash at the first request. Options the table does not name are left to the code that
// reads them. The client, which must stay browser-small, has its own (src/client/options.ts).
import { MAX_TIMER_MS, TIMER_RANGE } from './timer.ts';

/** What an option may be; `null` allows null as well. */
export type OptionKind =
  | 'string'
  | 'boolean'
  | 'function'
  | 'object'
  | 'array'
  | 'null'
  | 'count'
  | 'ms'
  | 'timer'
  | 'port'
  | { oneOf: readonly string[] };

/** Each option's kind, or the kinds it may be one of. */
export type OptionTable = Record<string, OptionKind | readonly OptionKind[]>;

/** The highest port a server may be given (0 picks a free one). */
export const MAX_PORT = 65535;
/** What a port may be, as every error refusing one says it. */
export const PORT_RANGE = `a port from 0 to ${MAX_PORT}`;

const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;
const KINDS: Record<Exclude<OptionKind, object>, [string, (value: unknown) => boolean]> = {
  string: ['a string', v => typeof v === 'string'],
  boolean: ['a boolean', v => typeof v === 'boolean'],
  function: ['a function', v => typeof v === 'function'],
  object: ['an object', v => typeof v === 'object' && v !== null && !Array.isArray(v)],
  array: ['an array', v => Array.isArray(v)],
  null: ['null', v => v === null],
  count: ['a positive integer', isCount],
  ms: ['a number of ms >= 0', v => typeof v === 'number' && v >= 0],
  // A time limit kept by a timer: past what one holds it would fire at once.
  timer: [TIMER_RANGE, v => isCount(v) && (v as number) <= MAX_TIMER_MS],
  port: [PORT_RANGE, v => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_PORT],
};

function accepts(kind: OptionKind, value: unknown): boolean {
  return typeof kind === 'object' ? kind.oneOf.includes(value as string) : KINDS[kind][1](value);
}

function described(kind: OptionKind): string {
  return typeof kind === 'object' ? `one of ${kind.oneOf.join(', ')}` : KINDS[kind][0];
}

/** What the value was, for the message: never a string's text (it may be a key or a secret). */
function shown(value: unknown): string {
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Throws a TypeError naming `where` and the first option of `given` that is not of its kind. */
export function checkOptions(where: string, given: unknown, table: OptionTable): void {
  if (given === undefined) return;
  if (typeof given !== 'object' || given === null || Array.isArray(given))
    throw new TypeError(`${where}: the options must be an object, got ${shown(given)}`);
  for (const [name, value] of Object.entries(given)) {
    const kinds = table[name];
    if (kinds === undefined || value === undefined) continue;
    const list = Array.isArray(kinds) ? (kinds as readonly OptionKind[]) : [kinds as OptionKind];
    if (!list.some(kind => accepts(kind, value)))
      throw new TypeError(
        `${where}: ${name} must be ${list.map(described).join(' or ')}, got ${shown(value)}`,
      );
  }
}
