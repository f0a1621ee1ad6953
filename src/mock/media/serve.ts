// What the media route answers for one URL: the file the URL claims, if the fixtures' models can
// make it (else a 404, so that no URL makes the mock render or hold what it never hands out); after
// the file's `deletes_at`, a 410 as an expired CDN object; a byte range when one is asked.
import type { Fixtures } from '../fixtures.ts';
import { imageBytes, videoBytes } from './files.ts';
import { sizesOf, videoFiles, type VideoFile } from './sizes.ts';
import { MIME_TYPE, parseMediaUrl, type MediaRef } from './url.ts';

export interface MediaAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
  /** For the log line. */
  note: string;
}

const text = (status: number, body: string, note: string): MediaAnswer => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  body: body + '\n',
  note,
});

/** The video file a URL claims, when its model ships one of that size, duration, fps and sound. */
function videoOf(fixtures: Fixtures, ref: MediaRef): VideoFile | undefined {
  const sound = ref.sound === true;
  return videoFiles(fixtures, ref.model).find(
    f =>
      f.width === ref.width &&
      f.height === ref.height &&
      f.duration === ref.duration &&
      f.fps === ref.fps &&
      f.sound === sound,
  );
}

/** The file's bytes, or undefined when no model of the fixtures makes what the URL claims. */
function bytesOf(fixtures: Fixtures, ref: MediaRef): Uint8Array | undefined {
  const model = fixtures.models.get(ref.model);
  if (!model || (model.type === 'video') !== (ref.format === 'mp4')) return undefined;
  if (ref.format !== 'mp4')
    return sizesOf(model).some(s => s.width === ref.width && s.height === ref.height)
      ? imageBytes(ref)
      : undefined;
  const file = videoOf(fixtures, ref);
  return file && videoBytes(file);
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range within `size`; null when unsatisfiable. */
function rangeOf(header: string, size: number): [number, number] | null | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined; // not one we read: the whole file
  const [start, end] =
    m[1] === ''
      ? [Math.max(0, size - Number(m[2])), size - 1]
      : [Number(m[1]), m[2] ? Number(m[2]) : size - 1];
  return start <= end && start < size ? [start, Math.min(end, size - 1)] : null;
}

export function serveMedia(
  fixtures: Fixtures,
  request: { path: string; search: string; range: string | undefined },
  now: number,
): MediaAnswer {
  const ref = parseMediaUrl(request.path, request.search);
  const bytes = ref && bytesOf(fixtures, ref);
  if (!ref || !bytes) return text(404, 'Not Found: no such media file.', 'media: no such file');
  if (now >= ref.deletesAt)
    return text(
      410,
      `Gone: this file was deleted at ${new Date(ref.deletesAt).toISOString()}.`,
      'media: deleted',
    );
  const headers = {
    'content-type': MIME_TYPE[ref.format],
    'cache-control': `public, max-age=${Math.floor((ref.deletesAt - now) / 1000)}, immutable`,
    expires: new Date(ref.deletesAt).toUTCString(),
    'accept-ranges': 'bytes',
  };
  const range = request.range === undefined ? undefined : rangeOf(request.range, bytes.length);
  if (range === null)
    return {
      status: 416,
      headers: { ...headers, 'content-range': `bytes */${bytes.length}` },
      body: '',
      note: 'media',
    };
  if (range === undefined) return { status: 200, headers, body: bytes, note: 'media' };
  const [start, end] = range;
  return {
    status: 206,
    headers: { ...headers, 'content-range': `bytes ${start}-${end}/${bytes.length}` },
    body: bytes.subarray(start, end + 1),
    note: 'media',
  };
}
