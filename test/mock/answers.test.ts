// Answers built from the request and the fixtures, over HTTP and through createMockFetch: the pixel
// size of the resolution at the aspect ratio, the format asked for, the duration, sound as asked or
// the contract's default, the model's fps, deletes_at after now, usage from what was made, and media
// URLs on the origin the request came to. GET /v2/models says what each model can do, as the
// fixtures and the contract's examples do. The busy test key refuses videos only.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadContract, requireOperation } from '../../src/kernel/index.ts';
import { loadDefaultFixtures } from '../../src/mock/fixtures.ts';
import { createMockFetch } from '../../src/mock/index.ts';
import { parseMediaUrl } from '../../src/mock/media/url.ts';
import { capabilitiesOf } from '../../src/mock/model-capabilities.ts';
import { listModels } from '../../src/mock/models.ts';
import { DEFAULT_BASE_URL } from '../../src/mock/msw.ts';
import { REQUEST_DEFAULTS } from '../../src/mock/operations/request-defaults.ts';
import { startTestMock, type TestMock } from './start.ts';
import { control, errorOf, get, headersFor, post, validator } from './stateful-helpers.ts';

const IMAGES = '/v2/images/generations';
const VIDEOS = '/v2/videos/generations';
const fixtures = loadDefaultFixtures();
const DAY_MS = 24 * 3600_000;
let mock: TestMock;
const mockFetch = createMockFetch({ log: () => {}, stepMs: 60_000, jobSteps: 1 });

beforeAll(async () => {
  mock = await startTestMock({ stepMs: 60_000, jobSteps: 1 });
});
afterAll(() => Promise.all([mock.close(), mockFetch.close()]));

interface Media {
  url: string;
  mime_type: string;
  deletes_at: string;
  width: number;
  height: number;
  duration?: number;
  fps?: number;
  has_sound?: boolean;
}
interface Generation {
  id: string;
  status: string;
  data: Media[];
  usage: { total_cost: number; quantity: number; billable_unit: string };
}

/** A finished video over HTTP: created, moved to its end, polled. */
async function videoOverHttp(key: string, body: object): Promise<Generation> {
  const created = await post(mock.url, key, VIDEOS, body);
  expect(created.status).toBe(202);
  const { id } = created.body as { id: string };
  expect((await control(mock.url, 'POST', `jobs/${id}/advance`)).status).toBe(200);
  return (await get(mock.url, key, `${VIDEOS}/${id}`)).body as Generation;
}

/** The file's URL claims what the answer says of it, on `origin`, with the extension of its format. */
function expectUrlClaims(media: Media, origin: string, ext: string) {
  const url = new URL(media.url);
  expect(`${url.protocol}//${url.host}`).toBe(origin);
  expect(url.pathname.endsWith(`.${ext}`)).toBe(true);
  const ref = parseMediaUrl(url.pathname, url.search.slice(1))!;
  expect(ref).toMatchObject({ width: media.width, height: media.height });
  expect(ref.deletesAt).toBe(Date.parse(media.deletes_at));
  if (media.duration !== undefined) expect(ref).toMatchObject({ duration: media.duration, fps: media.fps });
}

describe('answers from the request and the fixtures, over HTTP', () => {
  it('an image of the asked resolution, aspect ratio and format', async () => {
    const before = Date.now();
    const res = await post(mock.url, 'answers', IMAGES, {
      model: 'seedream-5-lite',
      prompt: 'a lighthouse',
      resolution: '1K',
      aspect_ratio: '1:1',
      output_format: 'webp',
    });
    expect(res.status).toBe(200);
    const body = res.body as Generation;
    const [media] = body.data;
    expect(media).toMatchObject({ width: 1024, height: 1024, mime_type: 'image/webp' });
    expectUrlClaims(media!, mock.url, 'webp');
    const deletes = Date.parse(media!.deletes_at);
    expect(deletes).toBeGreaterThan(before + DAY_MS - 2000);
    expect(deletes).toBeLessThanOrEqual(Date.now() + DAY_MS);
    expect(body.usage).toMatchObject({ total_cost: 0.04, quantity: 1, billable_unit: 'image' });
  });

  it("an image with every option left out: the model's defaults and the contract's png", async () => {
    const res = await post(mock.url, 'answers', IMAGES, { model: 'seedream-5-lite', prompt: 'a lighthouse' });
    const [media] = (res.body as Generation).data;
    expect(media).toMatchObject({ width: 2048, height: 1152, mime_type: 'image/png' });
    expectUrlClaims(media!, mock.url, 'png');
  });

  it.each([
    [
      { resolution: '480p', aspect_ratio: '9:16', duration: 10 },
      { width: 480, height: 854, duration: 10 },
    ],
    [
      { resolution: '720p', aspect_ratio: '16:9', sound: true },
      { width: 1280, height: 720, duration: 5 },
    ],
    [{}, { width: 1920, height: 1080, duration: 5 }],
  ])('a video of %j', async (asked, made) => {
    const body = await videoOverHttp('answers', { model: 'seedance-v1-pro', prompt: 'the sea', ...asked });
    expect(body.status).toBe('completed');
    const [media] = body.data;
    const sound = 'sound' in asked ? asked.sound : false;
    expect(media).toMatchObject({ ...made, fps: 24, has_sound: sound, mime_type: 'video/mp4' });
    expectUrlClaims(media!, mock.url, 'mp4');
    expect(Date.parse(media!.deletes_at)).toBeGreaterThan(Date.now() + DAY_MS - 60_000);
    expect(body.usage).toMatchObject({ quantity: made.duration, total_cost: made.duration * 0.1 });
  });

  it('mg_test_busy refuses videos only: its images are made', async () => {
    const image = await post(mock.url, 'mg_test_busy', IMAGES, { model: 'seedream-5-lite', prompt: 'p' });
    expect(image.status).toBe(200);
    const video = await post(mock.url, 'mg_test_busy', VIDEOS, { model: 'seedance-v1-pro', prompt: 'p' });
    expect(video.status).toBe(429);
    expect(errorOf(video).code).toBe('concurrency_limit');
  });
});

describe('the same answers through createMockFetch', () => {
  const over = async (path: string, body?: object) => {
    const res = await mockFetch(`${DEFAULT_BASE_URL}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: headersFor('in-process'),
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json()) as Generation;
    expect(
      validator.checkResponse(
        { method: body ? 'POST' : 'GET', path },
        { status: res.status, headers: res.headers, body: json },
      ),
    ).toEqual([]);
    return json;
  };

  it('an image and a video, their URLs on the base URL the fetch was called with', async () => {
    const image = await over(IMAGES, {
      model: 'seedream-5-lite',
      prompt: 'a lighthouse',
      resolution: '2K',
      aspect_ratio: '16:9',
      output_format: 'jpeg',
    });
    expect(image.data[0]).toMatchObject({ width: 2048, height: 1152, mime_type: 'image/jpeg' });
    expectUrlClaims(image.data[0]!, DEFAULT_BASE_URL, 'jpg');
    const { id } = await over(VIDEOS, { model: 'seedance-v1-pro', prompt: 'p', resolution: '1080p' });
    await mockFetch(`${DEFAULT_BASE_URL}/_mock/jobs/${id}/advance`, { method: 'POST' });
    const video = await over(`${VIDEOS}/${id}`);
    expect(video.data[0]).toMatchObject({ width: 1920, height: 1080, duration: 5, has_sound: false });
    expectUrlClaims(video.data[0]!, DEFAULT_BASE_URL, 'mp4');
  });
});

describe('GET /v2/models says what each model can do', () => {
  it('as the fixtures say, over HTTP and in-process', async () => {
    const listed = (await get(mock.url, 'models', '/v2/models')).body as {
      id: string;
      capabilities: unknown;
    }[];
    expect(listed.map(m => [m.id, m.capabilities])).toEqual(
      [...fixtures.models.values()].map(m => [m.id, capabilitiesOf(m, fixtures.currency)]),
    );
    const inProcess = await mockFetch(`${DEFAULT_BASE_URL}/v2/models`, { headers: headersFor('models') });
    expect(await inProcess.json()).toEqual(listed);
    const seedream = capabilitiesOf(fixtures.models.get('seedream-5-lite')!, 'USD');
    expect(seedream).toMatchObject({ price: '0.04', billable_unit: 'image', currency: 'USD' });
  });

  it("as the contract's examples show them", () => {
    const ok = requireOperation(loadContract(), 'listModels').responses.find(r => r.status === 200)!;
    expect(ok.examples.model_list).toEqual(listModels(fixtures, null));
    expect(ok.examples.video_models).toEqual(listModels(fixtures, 'video'));
  });

  it("a request's defaults are the contract's", () => {
    const spec = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8'));
    const schemas = spec.components.schemas;
    expect(schemas.ImageGenerationRequest.properties.output_format.default).toBe(
      REQUEST_DEFAULTS.generateImage.output_format,
    );
    expect(schemas.VideoGenerationRequest.properties.sound.default).toBe(
      REQUEST_DEFAULTS.createVideoGeneration.sound,
    );
  });
});
