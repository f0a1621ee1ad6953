// Money is kept in integer micro-units (1 USD = 1,000,000) so that charges and refunds add up
// exactly; a decimal string goes in, a JSON number comes out only at the edge of a response.
const MICRO = 1_000_000;

/** `"0.04"` → 40000. Up to six decimals; anything else is refused with the reason. */
export function parseMoney(text: string): number {
  const match = /^(\d{1,12})(?:\.(\d{1,6}))?$/.exec(text);
  if (!match)
    throw new Error(
      `'${text}' is not an amount: expected a decimal string like "12.50" (at most 6 decimals)`,
    );
  return Number(match[1]) * MICRO + Number((match[2] ?? '').padEnd(6, '0'));
}

/** 40000 → 0.04, for a response body. */
export const renderMoney = (micro: number): number => micro / MICRO;

/** 40000 → "0.04", for a message. */
export function formatMoney(micro: number): string {
  const whole = Math.floor(micro / MICRO);
  const cents = String(micro % MICRO)
    .padStart(6, '0')
    .replace(/0{1,4}$/, '');
  return `${whole}.${cents.padEnd(2, '0')}`;
}
