// The URL of a generated file, as the mock hands it out: on the mock's own origin, carrying what the
// answer claims of the file (kind, format, pixel size, duration, model, the start of the prompt, when
// it is deleted), so that the media route serves exactly that, statelessly, across restarts.
//   /media/<generation id>/<index>.<ext>?w=<width>&h=<height>&model=<id>&label=<text>&expires=<unix s>[&d=<s>&fps=<n>[&sound=1]]

export type MediaFormat = 'png' | 'jpeg' | 'webp' | 'mp4';

export interface MediaRef {
  generationId: string;
  /** The file's index in the answer's `data`. */
  index: number;
  format: MediaFormat;
  width: number;
  height: number;
  model: string;
  /** What the placeholder shows: the start of the prompt. */
  label: string;
  /** When the file stops being served (the answer's `deletes_at`), in ms since the epoch. */
  deletesAt: number;
  /** Videos only. */
  duration?: number;
  fps?: number;
  /** Videos only: the file has an audio track (the answer's `has_sound`); absent means none. */
  sound?: boolean;
}

export const MEDIA_PREFIX = '/media/';
const LABEL_LENGTH = 40;
const EXTENSION: Record<MediaFormat, string> = { png: 'png', jpeg: 'jpg', webp: 'webp', mp4: 'mp4' };
const FORMAT_OF: Record<string, MediaFormat> = { png: 'png', jpg: 'jpeg', webp: 'webp', mp4: 'mp4' };
export const MIME_TYPE: Record<MediaFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  mp4: 'video/mp4',
};

/** A time as the contract's date-times are written: `2026-11-29T10:30:00Z`. */
const timeText = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The fields every file in an answer's `data` has, for the file `ref` names, served on `origin`. */
export function answerFile(origin: string, ref: MediaRef) {
  const { width, height, deletesAt, format } = ref;
  return {
    url: mediaUrl(origin, ref),
    mime_type: MIME_TYPE[format],
    deletes_at: timeText(deletesAt),
    width,
    height,
  };
}

/** The file's URL on `origin` (no trailing slash). */
export function mediaUrl(origin: string, ref: MediaRef): string {
  const query = new URLSearchParams({
    w: String(ref.width),
    h: String(ref.height),
    model: ref.model,
    label: ref.label.slice(0, LABEL_LENGTH),
    expires: String(Math.floor(ref.deletesAt / 1000)),
  });
  if (ref.duration !== undefined) query.set('d', String(ref.duration));
  if (ref.fps !== undefined) query.set('fps', String(ref.fps));
  if (ref.sound) query.set('sound', '1');
  const file = `${ref.index}.${EXTENSION[ref.format]}`;
  return `${origin}${MEDIA_PREFIX}${encodeURIComponent(ref.generationId)}/${file}?${query}`;
}

const PATH = /^\/media\/([^/]+)\/(\d{1,3})\.(png|jpg|webp|mp4)$/;
const whole = (text: string | null) => (text !== null && /^\d{1,6}$/.test(text) ? Number(text) : undefined);
const decimal = (text: string | null) =>
  text !== null && /^\d{1,4}(\.\d{1,3})?$/.test(text) ? Number(text) : undefined;

/**
 * What a media URL's path and query claim, or undefined when they are not one the mock hands out.
 * It checks the shape only: which sizes and durations exist is the media route's to decide.
 */
export function parseMediaUrl(path: string, search: string): MediaRef | undefined {
  const match = PATH.exec(path);
  if (!match) return undefined;
  const query = new URLSearchParams(search);
  const width = whole(query.get('w'));
  const height = whole(query.get('h'));
  const expires = query.get('expires');
  const deletesAt = expires !== null && /^\d{1,12}$/.test(expires) ? Number(expires) * 1000 : undefined;
  const model = query.get('model');
  if (!width || !height || deletesAt === undefined || !model) return undefined;
  const format = FORMAT_OF[match[3]!]!;
  const duration = decimal(query.get('d'));
  const fps = decimal(query.get('fps'));
  const sound = query.get('sound');
  if ((format === 'mp4') !== (duration !== undefined && fps !== undefined)) return undefined;
  if (sound !== null && (sound !== '1' || format !== 'mp4')) return undefined;
  return {
    generationId: decodeURIComponent(match[1]!),
    index: Number(match[2]),
    format,
    width,
    height,
    model,
    label: (query.get('label') ?? '').slice(0, LABEL_LENGTH),
    deletesAt,
    ...(duration !== undefined ? { duration } : {}),
    ...(fps !== undefined ? { fps } : {}),
    ...(sound !== null ? { sound: true } : {}),
  };
}
