// Errors as values: narrow on `kind`, then on `code` to reach each code's own fields.
import { createClient, type MediagenError } from '@mediagen/client';

const client = createClient();

function advice(error: MediagenError): string {
  switch (error.kind) {
    case 'api':
      switch (error.code) {
        case 'quota_exceeded':
          return `top up: need ${error.required} ${error.currency}, have ${error.available}`;
        case 'concurrency_limit':
          return `${error.current}/${error.limit} running, retry in ${error.retryAfter ?? 1} s`;
        case 'invalid_api_key':
          return `check MEDIAGEN_API_KEY: it is ${error.reason}`;
        case 'not_found':
          return error.resource === 'model'
            ? 'pick a model from GET /v2/models'
            : `unknown ${error.resource}`;
        case 'payload_too_large':
          return `send images under ${Math.floor(error.max_bytes / 1024 / 1024)} MiB, or by URL`;
        case 'rate_limit':
          // @ts-expect-error `limit` belongs to concurrency_limit
          return `slow down ${error.limit}`;
        default:
          return `${error.code} (${error.type}, param ${error.param ?? 'none'}): ${error.message}`;
      }
    case 'api_unknown':
      return `${error.status} ${error.code}${error.retryable ? ', retry' : ''}`;
    case 'invalid_response':
      return `${error.reason} ${error.contentType ?? ''}`;
    case 'timeout':
      return `timed out after ${error.timeoutMs} ms`;
    case 'connection':
    case 'aborted':
      return error.message;
  }
}

const { data, error } = await client.POST('/v2/images/generations', {
  body: { model: 'seedream-5-lite', prompt: 'a cat' },
});
if (error) console.log(advice(error), error.requestId, error.status);
else console.log(data.usage.billable_unit, data.usage.quantity);
