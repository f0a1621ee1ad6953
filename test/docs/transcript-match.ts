// Compares a run's output pasted into a guide with the same run today. What a run cannot repeat
// (ids, times, expiries, signatures) is matched by its shape; everything else must be equal. The
// pasted values must still be one run's: a pasted id is always the same id of today's run, and every
// pasted time is off from today's by one and the same amount (a time that was not fresh, such as a
// date the request chose, must then be equal). Durations (max-age) are within a few seconds; how long
// an answer took may be anything.

/** What a run cannot repeat, by kind; a time's or duration's seconds, to tell how far two are apart. */
const VARYING = {
  id: { pattern: /\b(?:img|vid|req|msg)_[0-9A-HJKMNP-TV-Z]{26}\b/, seconds: undefined },
  signature: { pattern: /\bv1,[A-Za-z0-9+/]{43}=/, seconds: undefined },
  secret: { pattern: /\bwhsec_[A-Za-z0-9+/]{32}/, seconds: undefined },
  /** Prism's version, which a guide may give as its major only (`5.x`). */
  version: { pattern: /(?<=Prism )\d+\.(?:x|\d+\.\d+)/, seconds: undefined },
  time: {
    pattern: /\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{3})?Z|\b[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} [\d:]{8} GMT/,
    seconds: (text: string) => Date.parse(text) / 1000,
  },
  epoch: { pattern: /(?<=expires=|"webhook-timestamp": ")\d{10}\b/, seconds: Number },
  duration: { pattern: /(?<=max-age=)\d+\b/, seconds: Number },
  /** How long the mock took to answer: a run's own, any value. */
  took: { pattern: /\b\d+\.\dms\b/, seconds: undefined },
};
type Kind = keyof typeof VARYING;
const ANY = new RegExp(
  Object.entries(VARYING)
    .map(([kind, { pattern }]) => `(?<${kind}>${pattern.source})`)
    .join('|'),
  'g',
);
const kindOf = (groups: Record<string, string | undefined>) =>
  Object.keys(VARYING).find(kind => groups[kind] !== undefined) as Kind;
const tokens = (text: string) => [...text.matchAll(ANY)].map(m => ({ kind: kindOf(m.groups!), value: m[0] }));
const shape = (text: string) => text.replace(ANY, (...args) => `<${kindOf(args.at(-1))}>`);
/** How far a time or duration may be from one run to the next: the run's own seconds passing. */
const SLACK_SECONDS = 3;

export class TranscriptMatch {
  /** Pasted value → today's, for every value that differs. */
  readonly #today = new Map<string, string>();
  /** Today's time minus the pasted one, set by the first time that differs. */
  #shift: number | undefined;
  /** Pasted text → today's for fixed parts that differ by design (ports of servers started on port 0). */
  constructor(private readonly aliases: [pasted: string, today: string][] = []) {}

  /** A pasted command with today's values in place of the pasted ones (longest first). */
  command(pasted: string): string {
    const pairs = [...this.aliases, ...this.#today].sort((a, b) => b[0].length - a[0].length);
    return pairs.reduce((text, [from, to]) => text.replaceAll(from, to), pasted);
  }

  /** Problems with one pasted text against today's (none: it holds); records the values that differ. */
  compare(pasted: string, today: string): string[] {
    const plain = this.aliases.reduce((text, [from, to]) => text.replaceAll(to, from), today);
    if (shape(pasted) !== shape(plain)) return [`pasted:\n${pasted}\ntoday:\n${plain}`];
    const todays = tokens(plain);
    return tokens(pasted).flatMap(({ kind, value }, i) => this.#pair(kind, value, todays[i]!.value));
  }

  #pair(kind: Kind, pasted: string, today: string): string[] {
    if (pasted === today || kind === 'took') return [];
    const { seconds } = VARYING[kind];
    if (kind === 'duration')
      return Math.abs(seconds!(today) - seconds!(pasted)) <= SLACK_SECONDS
        ? []
        : [`max-age ${pasted}: today ${today}`];
    if (seconds) return this.#time(pasted, today, seconds(today) - seconds(pasted));
    const known = this.#today.get(pasted);
    if (known !== undefined && known !== today) return [`${pasted} stands for ${known} and ${today}`];
    if ([...this.#today].some(([from, to]) => to === today && from !== pasted))
      return [`${today} is pasted as two different values`];
    this.#today.set(pasted, today);
    return [];
  }

  /** A pasted time (one instant may be printed twice, a millisecond apart today) and today's. */
  #time(pasted: string, today: string, gap: number): string[] {
    if (!this.#today.has(pasted)) this.#today.set(pasted, today);
    this.#shift ??= gap;
    return Math.abs(gap - this.#shift) <= SLACK_SECONDS
      ? []
      : [`${pasted} is not of the same run as the other times (today ${today})`];
  }
}
