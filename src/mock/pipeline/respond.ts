// The mock's request path, stage by stage in the order they run (one module each, beside this one):
//   1 cors         a browser's preflight is answered at once
//     media        a GET or HEAD of a generated file (/media/...), not an API call
//   2 control      the /_mock/ routes
//   3 route        the contract's operation for the method and path, or its 404
//   4 preferences  `Prefer` read once; the caller's key and account
//   5 latency      the wait asked for, or configured
//   6 faults       an injected error or transport fault
//   7 test keys    a key that answers every call the same
//   8 limits       the key's request window
//   9 contract     Prism's answer, corrected to the contract's errors
//  10 operation    what the account's state makes of it (operations/table.ts)
//  11 finish       request id, CORS, X-Mock-Warning, X-RateLimit-*, content type, log line
// The first stage that answers ends the call; `finish` wraps every answer.
import { contractError } from '../../kernel/error-body.ts';
import { errorAnswer, type Answer } from '../answer.ts';
import type { MockInput, MockOutput } from '../types.ts';
import { openCall, type Call, type OperationCall } from './call.ts';
import { identifyCaller, invalidApiKey } from './caller.ts';
import { askContract } from './contract.ts';
import { answerControl, isControlPath } from './control.ts';
import type { Core } from './core.ts';
import { answerPreflight } from './cors.ts';
import { injectFault } from './faults.ts';
import { finish } from './finish.ts';
import { waitLatency } from './latency.ts';
import { countRate } from './limits.ts';
import { answerMedia, isMediaCall } from './media.ts';
import { runOperation } from './operation.ts';
import { readPreferences } from './preferences.ts';
import { matchRoute, routeNotFound } from './route.ts';
import { answerTestKey } from './test-keys.ts';

/** The answer to one request, in plain values: what every adapter calls. */
export async function respond(core: Core, input: MockInput): Promise<MockOutput> {
  const call = openCall(input, core.settings.publicUrl);
  const preflight = answerPreflight(input, call.requestId);
  if (preflight) return preflight;
  if (isMediaCall(call)) return answerMedia(core, call);
  let answer: Answer;
  try {
    answer = await answerCall(core, call);
  } catch (error) {
    answer = {
      status: 500,
      error: contractError('server_error', 'The mock failed to answer this request.'),
      note: (error as Error).message,
    };
  }
  return finish(core, call, answer);
}

/** Stages 2 to 10. */
async function answerCall(core: Core, call: Call): Promise<Answer> {
  if (isControlPath(call.path)) return answerControl(core, call);
  const route = matchRoute(core.contract, call);
  if (!route) return routeNotFound(call);
  const { headers } = call.input;
  const prefs = readPreferences(headers.prefer, route.queryRecord);
  if (prefs.ignored.length) call.warnings.push(`Prefer ignored: ${prefs.ignored.join('; ')}`);
  const { malformed, ...caller } = identifyCaller(core.state, headers.authorization);
  // Prism takes any `Bearer …`; a header with no usable key would get an example with no account.
  if (malformed) return errorAnswer(invalidApiKey('malformed'));
  const oc: OperationCall = { call, ...route, prefs, ...caller };
  await waitLatency(core, oc);
  const early = injectFault(core, oc) ?? answerTestKey(core, oc) ?? countRate(core, oc);
  if (early) return early;
  const given = await askContract(core, oc);
  return given.kind === 'answer' ? given.answer : runOperation(core, oc, given);
}
