// A media URL carries what the answer claims of its file, and reads back to exactly that.
import { describe, expect, it } from 'vitest';
import { mediaUrl, parseMediaUrl, type MediaRef } from '../../src/mock/media/url.ts';

const image: MediaRef = {
  generationId: 'img_01JDQ8ZK4T9V2K7M3N5P8R6WXY',
  index: 0,
  format: 'webp',
  width: 2048,
  height: 2048,
  model: 'seedream-5-lite',
  label: 'a red fox in the snow, at dawn & dusk',
  deletesAt: Date.UTC(2026, 11, 2, 10, 30),
};
const video: MediaRef = {
  ...image,
  generationId: 'vid_01JDQ8ZK4T9V2K7M3N5P8R6WXY',
  format: 'mp4',
  duration: 5,
  fps: 24,
};

const read = (url: string) => {
  const { pathname, search } = new URL(url);
  return parseMediaUrl(pathname, search.slice(1));
};

describe('media URLs', () => {
  it('are on the origin given and read back to what they claim, for an image and a video', () => {
    const url = mediaUrl('http://127.0.0.1:4010', image);
    expect(url.startsWith('http://127.0.0.1:4010/media/img_01JDQ8ZK4T9V2K7M3N5P8R6WXY/0.webp?')).toBe(true);
    expect(read(url)).toEqual(image);
    expect(read(mediaUrl('https://mock.example.test', video))).toEqual(video);
    expect(read(mediaUrl('https://mock.example.test', { ...video, sound: true }))).toEqual({
      ...video,
      sound: true,
    });
  });

  it('keep only the start of a long prompt', () => {
    expect(read(mediaUrl('http://x.test', { ...image, label: 'x'.repeat(500) }))?.label).toBe('x'.repeat(40));
  });

  it('refuse what the mock never hands out', () => {
    const url = new URL(mediaUrl('http://x.test', image));
    const without = (name: string) => {
      const q = new URLSearchParams(url.search);
      q.delete(name);
      return parseMediaUrl(url.pathname, q.toString());
    };
    expect(without('w')).toBeUndefined();
    expect(without('expires')).toBeUndefined();
    expect(without('model')).toBeUndefined();
    expect(parseMediaUrl('/media/img_1/0.gif', url.search.slice(1))).toBeUndefined();
    expect(parseMediaUrl('/media/img_1/0.webp', 'w=0&h=1&model=m&expires=1')).toBeUndefined();
    expect(parseMediaUrl('/media/img_1/0.webp', 'w=99999999&h=1&model=m&expires=1')).toBeUndefined();
    // A video needs its duration and fps; an image has none.
    expect(parseMediaUrl('/media/vid_1/0.mp4', 'w=1&h=1&model=m&expires=1')).toBeUndefined();
    expect(parseMediaUrl('/media/img_1/0.png', 'w=1&h=1&model=m&expires=1&d=5&fps=24')).toBeUndefined();
    expect(parseMediaUrl('/media/img_1/0.png', 'w=1&h=1&model=m&expires=1&sound=1')).toBeUndefined();
  });
});
