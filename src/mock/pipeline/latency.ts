// Stage 5, latency: the wait asked for with `Prefer: latency=<ms>`, else the configured delay.
import { delayFor, wait } from '../faults.ts';
import type { OperationCall } from './call.ts';
import type { Core } from './core.ts';

export async function waitLatency(core: Core, oc: OperationCall): Promise<void> {
  const { latency, random } = core.settings;
  const ms = oc.prefs.latencyMs ?? delayFor(latency, oc.op.operationId, random);
  // The signal is read only when there is a wait: the HTTP adapter makes it on demand.
  if (ms > 0) await wait(ms, oc.call.input.signal);
}
