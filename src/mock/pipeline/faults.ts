// Stage 6, faults: the fault asked for with `Prefer: fault=<kind>`, else one drawn at the account's
// or the mock's rate; an error the operation declares, or a cut or stalled connection.
import { pickFault } from '../faults.ts';
import type { Answer } from '../answer.ts';
import type { OperationCall } from './call.ts';
import type { Core } from './core.ts';

export function injectFault(core: Core, oc: OperationCall): Answer | undefined {
  const fault = oc.prefs.fault ?? pickFault(oc.account?.faults ?? core.settings.faults, core.settings.random);
  const injected = fault !== undefined ? core.canned.fault(oc.op, fault) : undefined;
  return injected && { ...injected, note: `fault ${fault}` };
}
