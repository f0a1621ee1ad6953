// The mock's media route: time to first byte of a placeholder image of every size the image model
// makes, in each format, rendered cold (a new generation id each time, so the cache never answers)
// and again from the cache; and the memory held after many distinct images (the cache is bounded).
//   npm run bench -- media        (-- --tiny media: a few rounds, figures meaningless)
import { get } from 'node:http';
import { loadDefaultFixtures } from '../src/mock/fixtures.ts';
import { startMockServer } from '../src/mock/index.ts';
import { IMAGE_CACHE_BYTES } from '../src/mock/media/files.ts';
import { sizesOf } from '../src/mock/media/sizes.ts';
import { mediaUrl, type MediaFormat } from '../src/mock/media/url.ts';
import { benchSettings, median, writeSection, type Figure } from './results.ts';

const ROUNDS = benchSettings(15, 2);
const DISTINCT = benchSettings(2000, 20);
const TARGET_MS = 50;
const FORMATS: MediaFormat[] = ['png', 'jpeg', 'webp'];

/** Milliseconds until the answer's first byte (status line and headers), then the body drained. */
const firstByte = (url: string) =>
  new Promise<number>((resolve, reject) => {
    const started = performance.now();
    get(url, res => {
      const ms = performance.now() - started;
      if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`));
      res.resume().on('end', () => resolve(ms));
    }).on('error', reject);
  });

const server = await startMockServer({ port: 0, log: () => {} });
const model = loadDefaultFixtures().models.get('seedream-5-lite')!;
const sizes = [...new Map(sizesOf(model).map(s => [`${s.width}x${s.height}`, s])).values()];
let serial = 0;
const url = (format: MediaFormat, width: number, height: number, id = `img_bench${serial++}`) =>
  mediaUrl(server.url, {
    generationId: id,
    index: 0,
    format,
    width,
    height,
    model: model.id,
    label: 'a red fox in the snow, at dawn',
    deletesAt: Date.now() + 3600_000,
  });

const figures: Figure[] = [];
for (const format of FORMATS)
  for (const { width, height } of sizes) {
    const cold: number[] = [];
    for (let i = 0; i < ROUNDS; i++) cold.push(await firstByte(url(format, width, height)));
    const big = width * height >= 2048 * 2048;
    figures.push({
      name: `first byte, ${format} ${width}×${height}, cold`,
      value: Number(median(cold).toFixed(2)),
      unit: 'ms',
      ...(big ? { target: `≤ ${TARGET_MS} ms`, met: median(cold) <= TARGET_MS } : {}),
    });
  }
const cachedUrl = url('jpeg', 2048, 2048, 'img_cached');
await firstByte(cachedUrl);
const cached: number[] = [];
for (let i = 0; i < ROUNDS; i++) cached.push(await firstByte(cachedUrl));
figures.push({
  name: 'first byte, jpeg 2048×2048, cached',
  value: Number(median(cached).toFixed(2)),
  unit: 'ms',
});

globalThis.gc?.();
const before = process.memoryUsage().rss;
for (let i = 0; i < DISTINCT; i++) await firstByte(url(FORMATS[i % 3]!, 2048, 2048));
globalThis.gc?.();
const grown = (process.memoryUsage().rss - before) / 2 ** 20;
figures.push({
  name: `RSS growth after ${DISTINCT} distinct 2048×2048 images`,
  value: Number(grown.toFixed(1)),
  unit: 'MiB',
  target: `bounded by the image cache (${IMAGE_CACHE_BYTES / 2 ** 20} MiB) and the heap's slack`,
});
await server.close();

for (const f of figures)
  console.log(`${f.name}: ${f.value} ${f.unit}${f.met === false ? ' (target missed)' : ''}`);
await writeSection({
  id: '32-mock-media',
  title: 'Mock: the media route',
  method: `Median of ${ROUNDS} GETs over HTTP on 127.0.0.1 per format and size, each a new generation id (rendered and encoded cold), time to the status line and headers (the body is sent whole, with its content-length); then one URL again (from the bounded cache), and the RSS after ${DISTINCT} distinct images.`,
  command: 'npm run bench -- media',
  figures,
});
