// The contract's video `duration` values are exactly the lengths the fixtures' video models make: a
// request built from the schema is one a model takes, and no model makes a length the schema refuses.
import { expect, test } from 'vitest';
import spec from '../../generated/openapi.json' with { type: 'json' };
import { defaultFixtures } from '../../src/mock/fixtures/default.ts';

test('VideoGenerationRequest.duration allows the durations of the video models, no more and no less', () => {
  const made = defaultFixtures.models
    .filter(m => m.type === 'video')
    .flatMap(m => [...(m.capabilities.durations ?? []), m.capabilities.default_duration]);
  const allowed = spec.components.schemas.VideoGenerationRequest.properties.duration.enum;
  expect([...allowed].sort((a, b) => a - b)).toEqual([...new Set(made)].sort((a, b) => a! - b!));
});
