// A page on a running mock renders a generated image and plays a generated video from media URLs,
// and the browser's own reading of them (naturalWidth/Height, duration, videoWidth/Height) matches
// what the URLs claim (headless Chromium).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../src/mock/index.ts';
import type { MockServer } from '../../src/mock/types.ts';
import { imageRef, urlOf, videoRef } from './media-files.ts';

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

    it('shows each image format at its size and plays a video of its size and duration', async () => {
      const page = await browser.newPage();
      // A page on the mock's origin, as a gallery would be on its own (the media carry CORS headers).
      await page.goto(`${server.url}/media/`).catch(() => {});
      const images = (['png', 'jpeg', 'webp'] as const).map(f => imageRef(f, 2048, 1152));
      const video = videoRef(1280, 720, { duration: 10, sound: true });
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
        { imageUrls: images.map(r => urlOf(server.url, r)), videoUrl: urlOf(server.url, video) },
      );
      expect(seen.images).toEqual(images.map(r => [r.width, r.height]));
      expect(seen.video.slice(0, 2)).toEqual([1280, 720]);
      expect(seen.video[2]).toBeCloseTo(10, 1);
    });
  },
);
