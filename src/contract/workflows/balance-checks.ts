// The balance arithmetic Arazzo cannot do (its criteria compare, they do not subtract): after a
// workflow, what it spent, in integer micro-units, against what its answers say it cost.
import type { Violation } from '../violations.ts';
import { isObject } from '../../kernel/json.ts';
import { fromMicro, toMicro } from './micro-units.ts';
import type { WorkflowRun } from './run-workflow.ts';

/** A step's output as micro-units; a violation when it is not an amount. */
function amount(run: WorkflowRun, stepId: string, output: string): number | Violation {
  const value = run.ctx.steps[stepId]?.outputs[output];
  const micro = toMicro(value);
  return (
    micro ?? {
      kind: 'output not an amount',
      where: `step ${stepId}: outputs/${output}`,
      message: `${JSON.stringify(value)} is not an amount`,
    }
  );
}

/** The balance fell from `before` to `after` by exactly the `cost` output of step `charged`. */
export function fellBy(run: WorkflowRun, charged: string, why: string): Violation[] {
  const [before, after, cost] = [
    amount(run, 'balance-before', 'balance'),
    amount(run, 'balance-after', 'balance'),
    amount(run, charged, 'cost'),
  ];
  const bad = [before, after, cost].filter((v): v is Violation => typeof v !== 'number');
  if (bad.length > 0) return bad;
  const spent = (before as number) - (after as number);
  if (spent === cost) return [];
  return [
    {
      kind: 'balance differs from the answers',
      where: 'balance',
      message: `fell by ${fromMicro(spent)}, not by the ${fromMicro(cost as number)} that ${why}`,
    },
  ];
}

/** The balance is back where it started. */
export function unchanged(run: WorkflowRun, why: string): Violation[] {
  const [before, after] = [amount(run, 'balance-before', 'balance'), amount(run, 'balance-after', 'balance')];
  const bad = [before, after].filter((v): v is Violation => typeof v !== 'number');
  if (bad.length > 0) return bad;
  if (before === after) return [];
  return [
    {
      kind: 'balance differs from the answers',
      where: 'balance',
      message: `moved by ${fromMicro((after as number) - (before as number))}: ${why}`,
    },
  ];
}

/** `usage.total_cost` is `unit_price × quantity`, in micro-units. */
export function usageAddsUp(run: WorkflowRun, stepId: string): Violation[] {
  const body = run.responses[stepId]?.body;
  const usage = isObject(body) && isObject(body.usage) ? body.usage : undefined;
  const [total, unit] = [toMicro(usage?.total_cost), toMicro(usage?.unit_price)];
  const quantity = usage?.quantity;
  if (total === undefined || unit === undefined || typeof quantity !== 'number') return [];
  if (total === unit * quantity) return [];
  return [
    {
      kind: 'total_cost not unit_price × quantity',
      where: `step ${stepId}: body/usage/total_cost`,
      message: `${fromMicro(total)} is not unit_price ${fromMicro(unit)} × quantity ${quantity}`,
    },
  ];
}
