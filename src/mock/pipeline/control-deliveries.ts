// The control routes of webhook deliveries, in the spirit of the Stripe CLI: send a chosen event to a
// URL (for a real generation, its body as it stands; or a made-up one built as job bodies are), and
// resend a recorded delivery (same webhook-id and body, fresh timestamp and signature). Both answer
// once the attempt is done, with the delivery's record.
//   POST /_mock/deliveries              {"url", "event"?, "code"?, "generation"?}
//   POST /_mock/deliveries/{id}/resend
import { isFailureCode } from '../../client/codes.ts';
import { CONTROL_PREFIX } from '../../kernel/control-prefix.ts';
import { newGenerationId } from '../../kernel/ids.ts';
import { requireOperation } from '../../kernel/index.ts';
import { madeBy } from '../model-capabilities.ts';
import { deletesAtOf } from '../operations/image-file.ts';
import { priceOf, usageOf } from '../pricing.ts';
import {
  jobBody,
  jobTemplates,
  type JobRequest,
  type Outcome,
  type VideoGeneration,
} from '../state/job-bodies.ts';
import { VIDEO_EVENT_TYPES, videoEvent, type VideoEvent } from '../webhooks/event.ts';
import { ok, problem, type Body, type Reply } from './control-reply.ts';
import type { Core } from './core.ts';

const FAILED = 'video.generation.failed';

const isReply = (made: VideoGeneration | Reply): made is Reply => typeof made.status === 'number';

/** A made-up generation that ended as asked, on the fixtures' first video model, with its defaults. */
function madeUp(core: Core, outcome: Outcome, origin: string): VideoGeneration | Reply {
  const model = [...core.fixtures.models.values()].find(m => m.type === 'video');
  if (!model) return problem(409, 'The fixtures have no video model to make a generation with.');
  const price = priceOf(model, undefined);
  const { width, height } = madeBy(model, {});
  // Sizes, fps and retention are the model's in the fixtures (fixtures.ts requires fps of a video model).
  const video = {
    ...{ origin, width, height, duration: price.quantity, fps: model.capabilities.fps! },
    ...{ hasSound: false, deletesAt: deletesAtOf(model, Date.now()), label: 'a made-up generation' },
  };
  const request: JobRequest = { model: model.id, usage: usageOf(price), video };
  const templates = jobTemplates(requireOperation(core.contract, 'getVideoGeneration'));
  return jobBody(newGenerationId('vid'), request, outcome, 1, 1, templates);
}

/** A real generation's body, if it has ended as the request says (when it says). */
function real(core: Core, id: string, type: unknown, code: unknown): VideoGeneration | Reply {
  const body = core.state.videoBody(id);
  if (!body) return problem(404, `No generation '${id}' (leave out "generation" to send a made-up one).`);
  if (body.status !== 'completed' && body.status !== 'failed')
    return problem(
      409,
      `Generation ${id} is ${body.status}: advance it first (POST ${CONTROL_PREFIX}/jobs/${id}/advance).`,
    );
  const actual = `video.generation.${body.status}`;
  if (type !== undefined && type !== actual)
    return problem(409, `Generation ${id} is ${body.status}: its event is ${actual}.`);
  if (code !== undefined && (body.status !== 'failed' || body.error.code !== code))
    return problem(409, `Generation ${id} did not fail with ${String(code)}.`);
  return body;
}

/** The event the request asks for, or why it cannot be sent. */
function chosenEvent(core: Core, body: Body, origin: string): VideoEvent | Reply {
  const { event: type, code, generation } = body;
  if (type !== undefined && !VIDEO_EVENT_TYPES.includes(type as VideoEvent['type']))
    return problem(400, `event must be one of ${VIDEO_EVENT_TYPES.join(', ')}.`);
  if (code !== undefined && !(typeof code === 'string' && isFailureCode(code)))
    return problem(400, `code must be a failure code of the catalogue, got ${JSON.stringify(code)}.`);
  if (code !== undefined && type !== undefined && type !== FAILED)
    return problem(400, `code goes with ${FAILED} only.`);
  if (generation !== undefined && typeof generation !== 'string')
    return problem(400, 'generation must be a generation id.');
  const failed = type === FAILED || code !== undefined;
  const made = generation
    ? real(core, generation, type, code)
    : madeUp(
        core,
        failed ? { kind: 'failed', code: (code as never) ?? 'generation_failed' } : { kind: 'completed' },
        origin,
      );
  return isReply(made) ? made : videoEvent(made)!;
}

/** Sends the chosen event, signed, and answers with the delivery after its first attempt. */
export async function sendEvent(core: Core, body: Body, origin: string): Promise<Reply> {
  const { url } = body;
  if (typeof url !== 'string' || !/^https?:$/.test(URL.parse(url)?.protocol ?? ''))
    return problem(400, 'url must be an http or https URL: where to send the event.');
  const event = chosenEvent(core, body, origin);
  if (!('type' in event)) return event;
  return ok(await core.state.deliveries.send(url, event));
}

/** Resends a recorded delivery now, and answers with its record. */
export async function resendDelivery(core: Core, webhookId: string): Promise<Reply> {
  const resent = core.state.deliveries.resend(webhookId);
  return resent
    ? ok(await resent)
    : problem(404, `No delivery '${webhookId}' (GET ${CONTROL_PREFIX}/deliveries lists them).`);
}
