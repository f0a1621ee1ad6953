// A gallery page on a running mock: it renders the images and plays the video that the mock's own
// answers name, and the browser's own reading of them (naturalWidth/Height, duration,
// videoWidth/Height) matches what the answers say (headless Chromium).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/mock/index.ts';
import type { MockServer } from '../../src/mock/types.ts';
import type { Media } from './media-files.ts';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const hasChromium = existsSync(CHROMIUM);

describe.skipIf(!hasChromium && !process.env.CI)(
  'media in a browser (headless Chromium)',
  { timeout: 60_000 },
  () => {
    let server: MockServer;
    let browser: Browser;

    beforeAll(async () => {
      if (!hasChromium) throw new Error(`${CHROMIUM} is missing and CI is set: apt-get install -y chromium`);
      server = await startMockServer({ log: () => {}, port: 0 });
      browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const api = async (method: string, path: string, body?: object, status = 200) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: 'Bearer mg_test_gallery', 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      expect([path, res.status]).toEqual([path, status]);
      return (await res.json()) as { id: string; data?: Media[] };
    };
    const firstMedia = (answer: { data?: Media[] }): Media => answer.data![0]!;
    /** A video created, moved to its end through the control route, then polled for its file. */
    const finishedVideo = async (body: object): Promise<Media> => {
      const { id } = await api('POST', '/v2/videos/generations', body, 202);
      await api('POST', `/_mock/jobs/${id}/advance`);
      return firstMedia(await api('GET', `/v2/videos/generations/${id}`));
    };

    it('shows the images and plays the video that answers name, at the sizes and duration they say', async () => {
      const page = await browser.newPage();
      // A page on the mock's origin, as a gallery would be on its own (the media carry CORS headers).
      await page.goto(`${server.url}/media/`).catch(() => {});
      const images = await Promise.all(
        (['png', 'jpeg', 'webp'] as const).map(async output_format =>
          firstMedia(
            await api('POST', '/v2/images/generations', {
              ...{ model: 'seedream-5-lite', prompt: 'a gallery tile', output_format },
              ...{ resolution: '2K', aspect_ratio: '16:9' },
            }),
          ),
        ),
      );
      const video = await finishedVideo({
        ...{ model: 'seedance-v1-pro', prompt: 'a gallery clip', duration: 10, sound: true },
        ...{ resolution: '720p', aspect_ratio: '16:9' },
      });
      const seen = await page.evaluate(
        async ({ imageUrls, videoUrl }) => {
          const load = (url: string) =>
            new Promise<number[]>((resolve, reject) => {
              const img = new Image();
              img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
              img.onerror = () => reject(new Error(`image failed: ${url}`));
              img.src = url;
            });
          const play = new Promise<number[]>((resolve, reject) => {
            const v = document.createElement('video');
            v.muted = true;
            // Played, not only parsed: time moves on once frames are decoded.
            v.ontimeupdate = () => v.currentTime > 0.1 && resolve([v.videoWidth, v.videoHeight, v.duration]);
            v.onloadedmetadata = () => void v.play().catch(reject);
            v.onerror = () => reject(new Error(`video failed: ${v.error?.message}`));
            v.src = videoUrl;
            document.body.append(v);
          });
          return { images: await Promise.all(imageUrls.map(load)), video: await play };
        },
        { imageUrls: images.map(m => m.url), videoUrl: video.url },
      );
      expect(images.map(m => m.mime_type)).toEqual(['image/png', 'image/jpeg', 'image/webp']);
      expect(seen.images).toEqual(images.map(m => [m.width, m.height]));
      expect(seen.video.slice(0, 2)).toEqual([video.width, video.height]);
      expect(seen.video[2]).toBeCloseTo(video.duration!, 1);
      expect(video).toMatchObject({ width: 1280, height: 720, duration: 10, has_sound: true });
    });
  },
);
