// Amounts of the API (JSON numbers in the balance's currency, `0.04`) in integer micro-units, so
// that the suite's balance arithmetic is exact: 99.96 - 99.92 is not 0.04 in floating point.
export const MICRO = 1_000_000;

/** `0.04` → 40000; undefined for anything that is not a finite number. */
export const toMicro = (amount: unknown): number | undefined =>
  typeof amount === 'number' && Number.isFinite(amount) ? Math.round(amount * MICRO) : undefined;

/** 40000 → `0.04`, for a message. */
export const fromMicro = (micro: number) => String(micro / MICRO);
