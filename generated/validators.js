// Generated from openapi/ by scripts/build.ts. Do not edit: edit openapi/ and run `npm run build`.
// Ajv's code requires its runtime helpers and ajv-formats by name; this is an ES module.
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const ucs2length = require("ajv/dist/runtime/ucs2length").default;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;
/** A string's length in code points, as Ajv's ucs2length counts it: without a surrogate pair, one per character (no loop). */
export const codePoints = text => (HIGH_SURROGATE.test(text) ? ucs2length(text) : text.length);
const rfc3986 = require("ajv-formats/dist/formats").fullFormats.uri;
// A plain URL (scheme://host[:port]/path?query#fragment in unreserved characters) is a sublanguage of
// the full pattern: it is accepted at once, and anything else is left to the full pattern.
const PLAIN_URL = /^[a-z][a-z0-9+\-.]*:\/\/[a-z0-9\-._~]*(?::\d*)?(?:\/[a-z0-9\-._~]*)*(?:\?[a-z0-9\-._~=&]*)?(?:#[a-z0-9\-._~]*)?$/i;
/** `format: uri` exactly as ajv-formats judges it, a plain URL without its long pattern. */
export const uri = text => PLAIN_URL.test(text) || rfc3986(text);
const CODE = new URL('./validators-code.txt', import.meta.url);
/** The text of group `g`: its bytes in validators-code.txt, read alone. */
function groupText(g) {
  const [offset, length] = groups[g];
  const bytes = Buffer.alloc(length);
  const fd = openSync(CODE, 'r');
  try {
    readSync(fd, bytes, 0, length, offset);
  } finally {
    closeSync(fd);
  }
  return bytes.toString('utf8');
}
const instances = [];
/** The functions of group `g` (`v0`, `v1`, ...), compiled from its text on first use. */
function group(g) {
  if (!instances[g]) {
    const exports = {};
    new Function('exports', 'require', 'codePoints', 'uri', groupText(g))(exports, require, codePoints, uri);
    instances[g] = exports;
  }
  return instances[g];
}
export const bundleDigest = "582ff9e87cc87bdeddeeff5651e0b4822ee2f0f9bdc718f846fb375c8c71df85";
/** Each group's [byte offset, byte length] in validators-code.txt. */
const groups = [
  [0, 194580],
  [194580, 5251],
  [199831, 193711],
  [393542, 30170],
  [423712, 4607],
  [428319, 15080],
  [443399, 34605],
  [478004, 63819],
  [541823, 131667],
];
/** Schema pointer → its validator: a getter, so that reading it instantiates its group. */
export const validators = {};
for (const [pointer, g, name] of [
  ["#/paths/~1v2~1images~1generations/post/responses/200/content/application~1json/schema", 0, 'v0'],
  ["#/components/schemas/ImageGeneration/properties/id", 0, 'v1'],
  ["#/components/schemas/ImageGeneration/properties/status", 0, 'v2'],
  ["#/components/schemas/ImageGeneration/properties/model", 0, 'v3'],
  ["#/components/schemas/ImageGeneration/properties/data", 0, 'v4'],
  ["#/components/schemas/ImageGeneration/properties/usage", 0, 'v5'],
  ["#/components/schemas/Usage/properties/total_cost", 0, 'v6'],
  ["#/components/schemas/Usage/properties/billable_unit", 0, 'v7'],
  ["#/components/schemas/Usage/properties/unit_price", 0, 'v8'],
  ["#/components/schemas/Usage/properties/quantity", 0, 'v9'],
  ["#/components/headers/XRequestId/schema", 0, 'v10'],
  ["#/components/headers/IdempotentReplayed/schema", 0, 'v11'],
  ["#/components/responses/BadRequestBody/content/application~1json/schema", 0, 'v12'],
  ["#/components/responses/BadRequestBody/content/application~1json/schema/properties/error", 0, 'v13'],
  ["#/components/schemas/ParameterMissingError", 0, 'v14'],
  ["#/components/schemas/InvalidParameterError", 0, 'v15'],
  ["#/components/schemas/InvalidJsonError", 0, 'v16'],
  ["#/components/schemas/InvalidTypeError", 0, 'v17'],
  ["#/components/responses/Unauthorized/content/application~1json/schema", 0, 'v18'],
  ["#/components/responses/Unauthorized/content/application~1json/schema/properties/error", 0, 'v19'],
  ["#/components/responses/PaymentRequired/content/application~1json/schema", 0, 'v20'],
  ["#/components/responses/PaymentRequired/content/application~1json/schema/properties/error", 0, 'v21'],
  ["#/components/responses/ForbiddenModel/content/application~1json/schema", 0, 'v22'],
  ["#/components/responses/ForbiddenModel/content/application~1json/schema/properties/error", 0, 'v23'],
  ["#/components/schemas/ApiAccessDisabledError", 0, 'v24'],
  ["#/components/schemas/ModelAccessDeniedError", 0, 'v25'],
  ["#/components/schemas/IpNotAllowedError", 0, 'v26'],
  ["#/components/responses/ModelNotFound/content/application~1json/schema", 0, 'v27'],
  ["#/components/responses/ModelNotFound/content/application~1json/schema/properties/error", 0, 'v28'],
  ["#/components/responses/Conflict/content/application~1json/schema", 0, 'v29'],
  ["#/components/responses/Conflict/content/application~1json/schema/properties/error", 0, 'v30'],
  ["#/components/responses/PayloadTooLarge/content/application~1json/schema", 0, 'v31'],
  ["#/components/responses/PayloadTooLarge/content/application~1json/schema/properties/error", 0, 'v32'],
  ["#/components/responses/UnsupportedMediaType/content/application~1json/schema", 0, 'v33'],
  ["#/components/responses/UnsupportedMediaType/content/application~1json/schema/properties/error", 0, 'v34'],
  ["#/components/responses/ContentPolicyViolation/content/application~1json/schema", 0, 'v35'],
  ["#/components/responses/ContentPolicyViolation/content/application~1json/schema/properties/error", 0, 'v36'],
  ["#/components/responses/RateOrConcurrencyLimited/content/application~1json/schema", 0, 'v37'],
  ["#/components/responses/RateOrConcurrencyLimited/content/application~1json/schema/properties/error", 0, 'v38'],
  ["#/components/schemas/RateLimitError", 0, 'v39'],
  ["#/components/schemas/ConcurrencyLimitError", 0, 'v40'],
  ["#/components/headers/RetryAfter/schema", 0, 'v41'],
  ["#/components/headers/RateLimitLimit/schema", 0, 'v42'],
  ["#/components/headers/RateLimitRemaining/schema", 0, 'v43'],
  ["#/components/headers/RateLimitReset/schema", 0, 'v44'],
  ["#/components/responses/ServerError/content/application~1json/schema", 0, 'v45'],
  ["#/components/responses/ServerError/content/application~1json/schema/properties/error", 0, 'v46'],
  ["#/components/responses/BadGateway/content/application~1json/schema", 0, 'v47'],
  ["#/components/responses/BadGateway/content/application~1json/schema/properties/error", 0, 'v48'],
  ["#/components/responses/ServiceUnavailable/content/application~1json/schema", 0, 'v49'],
  ["#/components/responses/ServiceUnavailable/content/application~1json/schema/properties/error", 0, 'v50'],
  ["#/components/responses/GatewayTimeout/content/application~1json/schema", 0, 'v51'],
  ["#/components/responses/GatewayTimeout/content/application~1json/schema/properties/error", 0, 'v52'],
  ["#/paths/~1v2~1videos~1generations/post/responses/202/content/application~1json/schema", 1, 'v0'],
  ["#/components/schemas/VideoGenerationCreated/properties/id", 1, 'v1'],
  ["#/components/schemas/VideoGenerationCreated/properties/status", 1, 'v2'],
  ["#/paths/~1v2~1videos~1generations~1{id}/get/responses/200/content/application~1json/schema", 2, 'v0'],
  ["#/components/schemas/VideoGenerationPending", 2, 'v1'],
  ["#/components/schemas/VideoGenerationPending/properties/id", 2, 'v2'],
  ["#/components/schemas/VideoGenerationPending/properties/status", 2, 'v3'],
  ["#/components/schemas/VideoGenerationPending/properties/model", 2, 'v4'],
  ["#/components/schemas/VideoGenerationProcessing", 2, 'v5'],
  ["#/components/schemas/VideoGenerationProcessing/properties/id", 2, 'v6'],
  ["#/components/schemas/VideoGenerationProcessing/properties/status", 2, 'v7'],
  ["#/components/schemas/VideoGenerationProcessing/properties/model", 2, 'v8'],
  ["#/components/schemas/VideoGenerationProcessing/properties/progress", 2, 'v9'],
  ["#/components/schemas/VideoGenerationCompleted", 2, 'v10'],
  ["#/components/schemas/VideoGenerationCompleted/properties/id", 2, 'v11'],
  ["#/components/schemas/VideoGenerationCompleted/properties/status", 2, 'v12'],
  ["#/components/schemas/VideoGenerationCompleted/properties/model", 2, 'v13'],
  ["#/components/schemas/VideoGenerationCompleted/properties/data", 2, 'v14'],
  ["#/components/schemas/VideoGenerationCompleted/properties/usage", 2, 'v15'],
  ["#/components/schemas/VideoGenerationFailed", 2, 'v16'],
  ["#/components/schemas/VideoGenerationFailed/properties/id", 2, 'v17'],
  ["#/components/schemas/VideoGenerationFailed/properties/status", 2, 'v18'],
  ["#/components/schemas/VideoGenerationFailed/properties/model", 2, 'v19'],
  ["#/components/schemas/VideoGenerationFailed/properties/error", 2, 'v20'],
  ["#/components/schemas/FaceDetectedFailure", 2, 'v21'],
  ["#/components/schemas/FileTooLargeFailure", 2, 'v22'],
  ["#/components/schemas/GenerationFailedFailure", 2, 'v23'],
  ["#/components/schemas/InputAudioRejectedFailure", 2, 'v24'],
  ["#/components/schemas/InputImageRejectedFailure", 2, 'v25'],
  ["#/components/schemas/InputVideoRejectedFailure", 2, 'v26'],
  ["#/components/schemas/InvalidImageUrlFailure", 2, 'v27'],
  ["#/components/schemas/MediaTooLongFailure", 2, 'v28'],
  ["#/components/schemas/ModelUnavailableFailure", 2, 'v29'],
  ["#/components/schemas/OutputRejectedFailure", 2, 'v30'],
  ["#/components/schemas/PromptRejectedFailure", 2, 'v31'],
  ["#/components/schemas/ServerErrorFailure", 2, 'v32'],
  ["#/components/schemas/TimeoutFailure", 2, 'v33'],
  ["#/components/schemas/UnsupportedFormatFailure", 2, 'v34'],
  ["#/components/responses/ForbiddenGeneration/content/application~1json/schema", 2, 'v35'],
  ["#/components/responses/ForbiddenGeneration/content/application~1json/schema/properties/error", 2, 'v36'],
  ["#/components/schemas/GenerationForbiddenError", 2, 'v37'],
  ["#/components/responses/GenerationNotFound/content/application~1json/schema", 2, 'v38'],
  ["#/components/responses/GenerationNotFound/content/application~1json/schema/properties/error", 2, 'v39'],
  ["#/components/responses/RateLimited/content/application~1json/schema", 2, 'v40'],
  ["#/components/responses/RateLimited/content/application~1json/schema/properties/error", 2, 'v41'],
  ["#/paths/~1v2~1models/get/responses/200/content/application~1json/schema", 3, 'v0'],
  ["#/components/responses/InvalidModelsQuery/content/application~1json/schema", 3, 'v1'],
  ["#/components/responses/InvalidModelsQuery/content/application~1json/schema/properties/error", 3, 'v2'],
  ["#/components/responses/ForbiddenAccount/content/application~1json/schema", 3, 'v3'],
  ["#/components/responses/ForbiddenAccount/content/application~1json/schema/properties/error", 3, 'v4'],
  ["#/paths/~1v2~1billing~1balance/get/responses/200/content/application~1json/schema", 4, 'v0'],
  ["#/components/schemas/Balance/properties/balance", 4, 'v1'],
  ["#/components/schemas/Balance/properties/currency", 4, 'v2'],
  ["#/components/responses/RouteNotFound/content/application~1json/schema", 5, 'v0'],
  ["#/components/responses/RouteNotFound/content/application~1json/schema/properties/error", 5, 'v1'],
  ["#/webhooks/video.generation.completed/post/requestBody/content/application~1json/schema", 6, 'v0'],
  ["#/components/schemas/VideoGenerationCompletedEvent/properties/type", 6, 'v1'],
  ["#/components/schemas/VideoGenerationCompletedEvent/properties/timestamp", 6, 'v2'],
  ["#/components/schemas/VideoGenerationCompletedEvent/properties/data", 6, 'v3'],
  ["#/components/parameters/WebhookId/schema", 6, 'v4'],
  ["#/components/parameters/WebhookTimestamp/schema", 6, 'v5'],
  ["#/components/parameters/WebhookSignature/schema", 6, 'v6'],
  ["#/webhooks/video.generation.failed/post/requestBody/content/application~1json/schema", 7, 'v0'],
  ["#/components/schemas/VideoGenerationFailedEvent/properties/type", 7, 'v1'],
  ["#/components/schemas/VideoGenerationFailedEvent/properties/timestamp", 7, 'v2'],
  ["#/components/schemas/VideoGenerationFailedEvent/properties/data", 7, 'v3'],
  ["#/components/schemas/ErrorEnvelope", 8, 'v0'],
  ["#/components/schemas/ErrorEnvelope/properties/error", 8, 'v1'],
  ["#/components/schemas/BadGatewayError", 8, 'v2'],
  ["#/components/schemas/ContentPolicyViolationError", 8, 'v3'],
  ["#/components/schemas/GatewayTimeoutError", 8, 'v4'],
  ["#/components/schemas/IdempotencyKeyReusedError", 8, 'v5'],
  ["#/components/schemas/InvalidApiKeyError", 8, 'v6'],
  ["#/components/schemas/NotFoundError", 8, 'v7'],
  ["#/components/schemas/PayloadTooLargeError", 8, 'v8'],
  ["#/components/schemas/QuotaExceededError", 8, 'v9'],
  ["#/components/schemas/InternalServerError", 8, 'v10'],
  ["#/components/schemas/ServiceUnavailableError", 8, 'v11'],
  ["#/components/schemas/UnsupportedMediaTypeError", 8, 'v12'],
]) Object.defineProperty(validators, pointer, { enumerable: true, get: () => group(g)[name] });
