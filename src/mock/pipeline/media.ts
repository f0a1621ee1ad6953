// The media route, before every API stage: a GET or HEAD on /media/... fetches a generated file, as
// from a CDN, so it needs no key, counts in no rate window and never reaches Prism. It carries the
// API's CORS headers (a page may draw the file on a canvas) and its own log line.
import { formatRequestLine } from '../log.ts';
import { serveMedia } from '../media/serve.ts';
import { MEDIA_PREFIX } from '../media/url.ts';
import type { MockOutput } from '../types.ts';
import type { Call } from './call.ts';
import type { Core } from './core.ts';
import { CORS_HEADERS } from './cors.ts';

export const isMediaCall = (call: Call) =>
  (call.method === 'GET' || call.method === 'HEAD') && call.path.startsWith(MEDIA_PREFIX);

export function answerMedia(core: Core, call: Call): MockOutput {
  const { method, path, search, requestId } = call;
  const media = serveMedia(core.fixtures, { path, search, range: call.input.headers.range }, Date.now());
  const length = typeof media.body === 'string' ? Buffer.byteLength(media.body) : media.body.length;
  const ms = performance.now() - call.started;
  core.log(formatRequestLine({ method, path, status: media.status, ms, requestId, note: media.note }));
  return {
    kind: 'answer',
    status: media.status,
    headers: {
      ...media.headers,
      'content-length': String(length),
      'x-request-id': requestId,
      ...CORS_HEADERS,
    },
    body: method === 'HEAD' ? null : media.body,
  };
}
