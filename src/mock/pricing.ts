// What a generation costs, from the model's price in the fixtures: one image, or one second of
// video times its duration. Kept in micro-units; rendered as the contract's `usage` at the edge.
import type { components } from '../../generated/schema.ts';
import type { Model } from './fixtures.ts';
import { renderMoney } from './money.ts';

type BillableUnit = components['schemas']['Usage']['billable_unit'];

export interface Price {
  unit: BillableUnit;
  quantity: number;
  unitMicro: number;
  totalMicro: number;
}

/** What the model's price is per. */
export const unitOf = (model: Model): BillableUnit => (model.type === 'video' ? 'video_second' : 'image');

/** The seconds a video request makes: its `duration`, else the model's default (the fixtures require one). */
export const videoDuration = (model: Model, duration: number | undefined): number =>
  duration ?? model.capabilities.default_duration!;

/** The price of a request for `duration` seconds (videos) on this model. */
export function priceOf(model: Model, duration: number | undefined): Price {
  const quantity = model.type === 'video' ? videoDuration(model, duration) : 1;
  return {
    unit: unitOf(model),
    quantity,
    unitMicro: model.priceMicro,
    totalMicro: model.priceMicro * quantity,
  };
}

/** The contract's `usage` object. */
export function usageOf(price: Price): components['schemas']['Usage'] {
  return {
    total_cost: renderMoney(price.totalMicro),
    billable_unit: price.unit,
    unit_price: renderMoney(price.unitMicro),
    quantity: price.quantity,
  };
}
