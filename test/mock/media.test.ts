// The media route: every media URL serves the file it claims (type, pixel size, duration), with the
// API's CORS headers and caching until deletes_at; what the fixtures cannot make is refused; after
// deletes_at the file is gone; the HTTP server, createMockFetch and MSW serve the same URLs.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMockArgs, UsageError } from '../../src/mock/cli-options.ts';
import { loadDefaultFixtures } from '../../src/mock/fixtures.ts';
import { createMockFetch, startMockServer } from '../../src/mock/index.ts';
import { videoBytes } from '../../src/mock/media/files.ts';
import { sizesOf, videoFiles } from '../../src/mock/media/sizes.ts';
import type { MediaFormat } from '../../src/mock/media/url.ts';
import { createMockHandlers } from '../../src/mock/msw.ts';
import { openCall } from '../../src/mock/pipeline/call.ts';
import type { MockServer } from '../../src/mock/types.ts';
import { HOUR, imageRef, mp4Boxes, pixelSizeOf, urlOf, videoRef } from './media-files.ts';

const fixtures = loadDefaultFixtures();
const imageSizes = sizesOf(fixtures.models.get('seedream-5-lite')!);
const quiet = { log: () => {} };
let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({ ...quiet, port: 0 });
});
afterAll(() => server.close());

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe('the media route', () => {
  it.each(['png', 'jpeg', 'webp'] as MediaFormat[])(
    'serves a %s of every size the image model makes',
    async format => {
      for (const { width, height } of imageSizes) {
        const response = await fetch(urlOf(server.url, imageRef(format, width, height)));
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe(`image/${format}`);
        const bytes = await bytesOf(response);
        expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
        expect(pixelSizeOf(bytes)).toEqual({ width, height });
      }
    },
  );

  it('needs no key, and carries the CORS headers and caching until deletes_at', async () => {
    const response = await fetch(urlOf(server.url, imageRef('png', 1024, 1024)));
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get('cache-control')!)![1]);
    expect(maxAge).toBeGreaterThan(3590);
    expect(maxAge).toBeLessThanOrEqual(3600);
  });

  it('serves a faststart H.264 MP4 for a video, with an audio track only when the URL says sound', async () => {
    const silent = await fetch(urlOf(server.url, videoRef(1280, 720)));
    expect(silent.status).toBe(200);
    expect(silent.headers.get('content-type')).toBe('video/mp4');
    expect(silent.headers.get('accept-ranges')).toBe('bytes');
    const bytes = await bytesOf(silent);
    const boxes = mp4Boxes(bytes);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    const hasAudio = (b: Uint8Array) => Buffer.from(b).includes('soun');
    expect(hasAudio(bytes)).toBe(false);
    const sound = await bytesOf(await fetch(urlOf(server.url, videoRef(1280, 720, { sound: true }))));
    expect(hasAudio(sound)).toBe(true);
  });

  it('answers HEAD and byte ranges', async () => {
    const url = urlOf(server.url, videoRef(854, 480, { duration: 10 }));
    const whole = await bytesOf(await fetch(url));
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBe(whole.length);
    const part = await fetch(url, { headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${whole.length}`);
    expect(await bytesOf(part)).toEqual(whole.subarray(10, 20));
    expect((await fetch(url, { headers: { range: `bytes=${whole.length}-` } })).status).toBe(416);
  });

  it('refuses with a 404 what no model of the fixtures makes', async () => {
    const refused = [
      imageRef('png', 1000, 1000), // a size no resolution means
      imageRef('png', 1024, 1024, { model: 'nope' }),
      imageRef('png', 1280, 720, { model: 'seedance-v1-pro' }), // an image of a video model
      videoRef(1280, 720, { duration: 7 }),
      videoRef(1280, 720, { fps: 30 }),
      videoRef(4096, 2160),
    ];
    for (const ref of refused) {
      const response = await fetch(urlOf(server.url, ref));
      expect(response.status, JSON.stringify(ref)).toBe(404);
      expect(await response.text()).toMatch(/^Not Found/);
    }
    expect((await fetch(`${server.url}/media/img_1/0.png?w=1`)).status).toBe(404);
  });

  it('answers 410 Gone after deletes_at, as an expired CDN object', async () => {
    const response = await fetch(
      urlOf(server.url, imageRef('webp', 1024, 1024, { deletesAt: Date.now() - HOUR })),
    );
    expect(response.status).toBe(410);
    expect(await response.text()).toMatch(/^Gone: this file was deleted at \d{4}-/);
  });

  it('has a shipped file for every video size, duration and sound the fixtures can claim', () => {
    const files = videoFiles(fixtures);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter(f => videoBytes(f) === undefined)).toEqual([]);
  });
});

describe('the same media URLs in-process', () => {
  it('are served by createMockFetch', async () => {
    const mockFetch = createMockFetch(quiet);
    try {
      const response = await mockFetch(urlOf('http://127.0.0.1:4010', imageRef('jpeg', 2048, 2048)));
      expect(response.status).toBe(200);
      expect(pixelSizeOf(await bytesOf(response))).toEqual({ width: 2048, height: 2048 });
    } finally {
      await mockFetch.close();
    }
  });

  it('are served by the MSW handlers on the mock base URL', async () => {
    const msw = createMockHandlers(quiet, 'https://api.mediagen.test');
    const intercept = setupServer(...msw.handlers);
    intercept.listen({ onUnhandledRequest: 'error' });
    try {
      const response = await fetch(urlOf('https://api.mediagen.test', videoRef(1920, 1080)));
      expect(response.status).toBe(200);
      expect(mp4Boxes(await bytesOf(response))).toContain('moov');
    } finally {
      intercept.close();
      await msw.close();
    }
  });
});

describe('--public-url', () => {
  it('is the origin answers name, instead of the request’s', () => {
    const input = {
      method: 'GET',
      target: '/v2/models',
      origin: 'http://127.0.0.1:4010',
      headers: {},
      bytes: undefined,
    };
    expect(openCall(input).origin).toBe('http://127.0.0.1:4010');
    expect(openCall(input, 'https://mock.example.test').origin).toBe('https://mock.example.test');
  });

  it('is checked when given, naming the option', async () => {
    const command = parseMockArgs(['--public-url', 'https://mock.example.test/'], {});
    expect(command).toMatchObject({ options: { publicUrl: 'https://mock.example.test' } });
    expect(() => parseMockArgs(['--public-url', 'mock.example.test'], {})).toThrow(UsageError);
    expect(() => parseMockArgs(['--public-url', 'ftp://x.test'], {})).toThrow(/^--public-url: /);
    await expect(startMockServer({ ...quiet, port: 0, publicUrl: 'nope' })).rejects.toThrow(
      /^publicUrl must/,
    );
  });
});
