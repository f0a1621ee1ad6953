// A count said with its noun, as the reports and summaries print it: `1 exchange`, `2 exchanges`.
export const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
