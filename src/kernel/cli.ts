// What every command line we ship does alike: bad input is one line and the usage (exit 2), and the
// first SIGINT or SIGTERM stops the server cleanly (exit 0, or the status the server's verdict gives).
import { MAX_PORT, PORT_RANGE } from './options.ts';
import { MAX_TIMER_MS, TIMER_RANGE } from './timer.ts';

/** A `fail(message)` for `program`: prints `program: message` and the usage, exits 2, no stack trace. */
export function usageFailure(program: string, usage: string): (message: string) => never {
  return message => {
    console.error(`${program}: ${message}\n\n${usage}`);
    process.exit(2);
  };
}

/** On the first SIGINT or SIGTERM: prints `<signal>: stopping` and `note()`, awaits `stop`, exits `status()` (0). */
export function stopOnSignals(stop: () => Promise<unknown>, note?: () => string, status = () => 0): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal}: stopping${note ? `\n${note()}` : ''}`);
      void stop().then(() => process.exit(status()));
    });
  }
}

/** The bounds of each kind of integer a command line takes, and how an error describes them. */
const INTEGER_KINDS = {
  positive: [1, Number.MAX_SAFE_INTEGER, 'a positive integer'],
  port: [0, MAX_PORT, PORT_RANGE],
  ms: [1, MAX_TIMER_MS, TIMER_RANGE],
  'non-negative ms': [0, MAX_TIMER_MS, `a non-negative integer of ms up to ${MAX_TIMER_MS}`],
} as const;

export type IntegerKind = keyof typeof INTEGER_KINDS;

/**
 * The integer `name` (a flag, `--max-jobs`, or a variable, `PORT`) was given as: digits only, within
 * its kind's bounds, else an error naming it, so that no value reaches an entry point's option check,
 * which would name the option instead of what the user typed.
 */
export function integerArg(name: string, raw: unknown, kind: IntegerKind): number | undefined {
  if (raw === undefined) return undefined;
  const [min, max, what] = INTEGER_KINDS[kind];
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) throw new Error(`${name} must be ${what}, got '${String(raw)}'`);
  return value;
}

/** The port of --port, else of PORT (empty is unset), else `fallback`; a bad one names where it came from. */
export const portArg = (flag: string | undefined, env: string | undefined, fallback: number): number =>
  integerArg('--port', flag, 'port') ?? integerArg('PORT', env || undefined, 'port') ?? fallback;
