// Property: random valid requests (model, resolution, aspect ratio, format, duration, sound) get
// answers that follow from the request and the fixtures: the pixel size has the resolution's side
// and the aspect ratio (even numbers), the mime type and URL extension are the format's, a video has
// the duration asked (or the model's default), sound as asked (else false) and the model's fps, and
// usage costs the model's price per unit made. In-process through createMockFetch: every run is
// made however busy the machine, with a timeout to match.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDefaultFixtures, type Model } from '../../src/mock/fixtures.ts';
import { createMockFetch } from '../../src/mock/index.ts';
import { parseMediaUrl } from '../../src/mock/media/url.ts';
import { DEFAULT_BASE_URL } from '../../src/mock/msw.ts';
import type { Media } from './media-files.ts';
import { headersFor, validator } from './stateful-helpers.ts';

const fixtures = loadDefaultFixtures();
const models = [...fixtures.models.values()];
const mockFetch = createMockFetch({ log: () => {}, stepMs: 60_000, jobSteps: 1, balance: '1000000.00' });
afterAll(() => mockFetch.close());

const RUNS = 60;
const EXT: Record<string, string> = { png: 'png', jpeg: 'jpg', webp: 'webp' };

/** A valid request for one of the fixtures' models: each option asked or left out. */
const request = fc.constantFrom(...models).chain(model => {
  const c = model.capabilities;
  const maybe = <T>(values: readonly T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
  const common = {
    resolution: maybe(Object.keys(c.resolutions)),
    aspect_ratio: maybe(c.aspect_ratios),
  };
  const extra: Record<string, fc.Arbitrary<unknown>> = model.type === 'image'
    ? { output_format: maybe(['png', 'jpeg', 'webp'] as const) }
    : { duration: maybe(c.durations!), sound: maybe(c.sound ? [true, false] : [false]) };
  return fc.record({ model: fc.constant(model), ...common, ...extra }, { requiredKeys: ['model'] });
});

const send = async (path: string, body?: object) => {
  const res = await mockFetch(`${DEFAULT_BASE_URL}${path}`, {
    method: body ? 'POST' : 'GET',
    headers: headersFor('property'),
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = await res.json();
  const at = { method: body ? 'POST' : 'GET', path: path.startsWith('/_mock') ? '/' : path };
  if (!path.startsWith('/_mock'))
    expect(validator.checkResponse(at, { status: res.status, headers: res.headers, body: json })).toEqual([]);
  return json;
};

/** The answer's file, for a video once its job ended. */
async function madeFile(model: Model, body: Record<string, unknown>) {
  if (model.type === 'image')
    return (await send('/v2/images/generations', body)) as { data: Media[]; usage: { total_cost: number } };
  const { id } = (await send('/v2/videos/generations', body)) as { id: string };
  await send(`/_mock/jobs/${id}/advance`, {});
  return (await send(`/v2/videos/generations/${id}`)) as { data: Media[]; usage: { total_cost: number } };
}

describe('answers', () => {
  it(`follow from the request and the fixtures (${RUNS} random requests)`, async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ model, ...asked }) => {
        const options = asked as Record<string, unknown>;
        const body = { model: model.id, prompt: 'a lighthouse', ...options } as Record<string, unknown>;
        const answer = await madeFile(model, body);
        const media = answer.data[0]!;
        const c = model.capabilities;
        const rule = c.resolutions[(options.resolution as string) ?? c.default_resolution]!;
        const [w, h] = String(options.aspect_ratio ?? c.default_aspect_ratio)
          .split(':')
          .map(Number) as [number, number];
        const sides = [Math.min(media.width, media.height), Math.max(media.width, media.height)];
        expect(sides[rule.side === 'short' ? 0 : 1]).toBe(rule.pixels);
        expect(Math.abs(media.width / media.height - w / h)).toBeLessThan(0.01);
        expect([media.width % 2, media.height % 2]).toEqual([0, 0]);
        expect(w >= h).toBe(media.width >= media.height);
        const url = new URL(media.url);
        const ref = parseMediaUrl(url.pathname, url.search.slice(1))!;
        expect(ref).toMatchObject({ width: media.width, height: media.height, model: model.id });
        const quantity = model.type === 'video' ? ((options.duration as number) ?? c.default_duration!) : 1;
        expect(Math.round(answer.usage.total_cost * 1e6)).toBe(model.priceMicro * quantity);
        if (model.type === 'image') {
          const format = (options.output_format as string) ?? 'png';
          expect(media.mime_type).toBe(`image/${format}`);
          expect(url.pathname.endsWith(`.${EXT[format]}`)).toBe(true);
        } else {
          expect(media).toMatchObject({ mime_type: 'video/mp4', duration: quantity, fps: c.fps });
          expect(media.has_sound).toBe((options.sound as boolean | undefined) ?? false);
          expect(url.pathname.endsWith('.mp4')).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});
