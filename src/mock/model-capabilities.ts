// What each model of the fixtures makes, in pixels and seconds, and what it costs: the pixel size of
// a resolution at an aspect ratio, what a request gets for the options it leaves out, and the
// `capabilities` that GET /v2/models lists. One reading of the fixtures for the answers and the API.
import type { components } from '../../generated/schema.ts';
import type { Model, SideRule } from './fixtures.ts';
import { formatMoney } from './money.ts';
import { unitOf } from './pricing.ts';

type Schemas = components['schemas'];
export interface PixelSize {
  width: number;
  height: number;
}

const even = (x: number) => 2 * Math.round(x / 2);

/** The size `rule` gives at `ratio` ("16:9"): the side it fixes, the other from the ratio, made even. */
export function pixelSize(rule: SideRule, ratio: string): PixelSize {
  const [w, h] = ratio.split(':').map(Number) as [number, number];
  const [long, short] = w >= h ? [w, h] : [h, w];
  const fixed = rule.pixels;
  const other = even(rule.side === 'long' ? (fixed * short) / long : (fixed * long) / short);
  const [longPx, shortPx] = rule.side === 'long' ? [fixed, other] : [other, fixed];
  return w >= h ? { width: longPx, height: shortPx } : { width: shortPx, height: longPx };
}

/** What a request makes on this model: its options, or the model's defaults for those it leaves out. */
export interface Made extends PixelSize {
  resolution: string;
  aspectRatio: string;
}

/** The resolution, aspect ratio and pixel size of a request the model supports (admitted before). */
export function madeBy(model: Model, asked: { resolution?: string; aspect_ratio?: string }): Made {
  const c = model.capabilities;
  const resolution = asked.resolution ?? c.default_resolution;
  const aspectRatio = asked.aspect_ratio ?? c.default_aspect_ratio;
  const rule = c.resolutions[resolution];
  if (!rule) throw new Error(`Model ${model.id} has no resolution ${resolution}`);
  return { resolution, aspectRatio, ...pixelSize(rule, aspectRatio) };
}

type AspectRatio = Schemas['AspectRatio'];

/** The model's `capabilities`, as GET /v2/models lists them. */
export function capabilitiesOf(model: Model, currency: string): Schemas['ModelCapabilities'] {
  const c = model.capabilities;
  const ratios = c.aspect_ratios as AspectRatio[];
  return {
    resolutions: Object.entries(c.resolutions).map(([resolution, rule]) => ({
      resolution,
      sizes: ratios.map(aspect_ratio => ({ aspect_ratio, ...pixelSize(rule, aspect_ratio) })),
    })),
    default_resolution: c.default_resolution,
    aspect_ratios: ratios,
    default_aspect_ratio: c.default_aspect_ratio as AspectRatio,
    ...(c.durations !== undefined ? { durations: c.durations } : {}),
    ...(c.default_duration !== undefined ? { default_duration: c.default_duration } : {}),
    ...(c.sound !== undefined ? { sound: c.sound } : {}),
    ...(c.fps !== undefined ? { fps: c.fps } : {}),
    price: formatMoney(model.priceMicro),
    billable_unit: unitOf(model),
    currency,
    retention_hours: c.retention_hours,
  };
}
