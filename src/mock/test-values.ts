// The test values of the fixtures, indexed by where they are typed: an API key, a model id, a tag in
// the prompt, a reference URL, an Idempotency-Key, a generation id. Like Stripe's test cards, they
// reach every error and failure code without `Prefer`.
import type { FailureCode } from '../../generated/catalogue.ts';
import type { TestValue, TestValueKind } from './fixtures.ts';

export interface TestValueIndex {
  /** The value of this kind typed exactly. */
  exact(kind: TestValueKind, value: string | undefined): TestValue | undefined;
  /** The first prompt tag the prompt contains. */
  inPrompt(prompt: unknown): TestValue | undefined;
  /** The first reference URL of `images` that is a test value, with its index. */
  inImages(images: unknown): { value: TestValue; index: number } | undefined;
}

/** Looks test values up by where they are typed. */
export function indexTestValues(values: TestValue[]): TestValueIndex {
  const byKey = new Map(values.map(v => [`${v.kind} ${v.value}`, v]));
  const tags = values.filter(v => v.kind === 'prompt_tag');
  return {
    exact: (kind, value) => (value === undefined ? undefined : byKey.get(`${kind} ${value}`)),
    inPrompt: prompt => (typeof prompt === 'string' ? tags.find(t => prompt.includes(t.value)) : undefined),
    inImages(images) {
      if (!Array.isArray(images)) return undefined;
      for (const [index, image] of images.entries()) {
        const url = (image as { url?: unknown } | null)?.url;
        const value = typeof url === 'string' ? byKey.get(`media_url ${url}`) : undefined;
        if (value) return { value, index };
      }
      return undefined;
    },
  };
}

/** The failure code a video request asks for through its prompt or reference images, if any. */
export function requestedFailure(
  index: TestValueIndex,
  body: { prompt?: unknown; images?: unknown },
): FailureCode | undefined {
  return index.inPrompt(body.prompt)?.failure ?? index.inImages(body.images)?.value.failure;
}
