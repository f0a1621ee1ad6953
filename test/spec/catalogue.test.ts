// The catalogue (read out of the error code schemas) and the responses that use it agree.
import { describe, expect, test } from 'vitest';
import {
  errorCatalogue,
  failureCatalogue,
  retryableStatuses,
  type ErrorCode,
} from '../../generated/catalogue.ts';
import { apiOperations, operation, responseOf, routeNotFound, spec } from './bundle.ts';

const errorResponses = apiOperations.flatMap(op => op.responses).filter(r => Number(r.status) >= 400);
const codes = Object.keys(errorCatalogue) as ErrorCode[];
const where = (r: (typeof errorResponses)[number]) => r.label;

describe('error responses and the catalogue', () => {
  test('the unknown route is the envelope of any code, shown with a code catalogued under 404', () => {
    expect(new Set(routeNotFound.codes)).toEqual(new Set(codes));
    const shown = routeNotFound.examples.map(e => e.value.error.code as ErrorCode);
    expect(shown.length).toBeGreaterThan(0);
    for (const code of shown) expect(errorCatalogue[code].status).toBe(404);
  });

  test.each(errorResponses.map(r => [where(r), r] as const))(
    '%s uses only codes catalogued under its status',
    (_, r) => {
      const allowed = r.codes;
      expect(allowed.length).toBeGreaterThan(0);
      for (const code of allowed)
        expect({ code, status: errorCatalogue[code as ErrorCode]?.status }).toEqual({
          code,
          status: Number(r.status),
        });
    },
  );

  test.each(errorResponses.map(r => [where(r), r] as const))(
    '%s: examples use allowed codes, with the catalogued type and doc_url',
    (_, r) => {
      const allowed = r.codes;
      const shown = r.examples.map(e => e.value.error.code);
      expect(new Set(shown)).toEqual(new Set(allowed));
      for (const { value } of r.examples) {
        const entry = errorCatalogue[value.error.code as ErrorCode];
        expect({ type: value.error.type, doc_url: value.error.doc_url }).toEqual({
          type: entry.type,
          doc_url: entry.docUrl,
        });
      }
    },
  );

  test.each(codes)('%s is used by at least one response', code => {
    expect(errorResponses.filter(r => r.codes.includes(code)).map(where)).not.toEqual([]);
  });

  test('the catalogue lists exactly the members of ApiError', () => {
    expect(codes.length).toBe(spec.components.schemas.ApiError.oneOf.length);
  });
});

describe('video generation failures and the catalogue', () => {
  const polled = responseOf('getVideoGeneration', 200)!;
  const failed = [...polled.examples, ...operation('videoGenerationFailedWebhook').requestExamples].filter(
    e => (e.value.data ?? e.value).status === 'failed',
  );
  const failedCodes = failed.map(e => (e.value.data ?? e.value).error.code);

  test.each(Object.keys(failureCatalogue))('%s has a failed-generation example when polling', code => {
    expect(polled.examples.some(e => e.value.status === 'failed' && e.value.error.code === code)).toBe(true);
  });

  test.each(failed.map(e => [e.name, e] as const))('%s: code is catalogued and retryable agrees', (_, e) => {
    const error = (e.value.data ?? e.value).error;
    expect(error.retryable).toBe(failureCatalogue[error.code as keyof typeof failureCatalogue].retryable);
  });

  test('the failed webhook shows a failure too', () => {
    expect(failed.filter(e => e.name.startsWith('webhook')).map(e => e.value.data.error.code)).toEqual([
      'output_rejected',
    ]);
  });

  test('no failed example uses an uncatalogued code', () => {
    expect(failedCodes.filter(c => !(c in failureCatalogue))).toEqual([]);
  });
});

describe('retrying (the "Retries" section of openapi/description.md)', () => {
  const retryableByStatus = (status: number) =>
    codes.filter(c => errorCatalogue[c].status === status).map(c => errorCatalogue[c].retryable);

  test.each([429, 500, 502, 503, 504])('every %i code is retryable', status => {
    expect(retryableByStatus(status).length).toBeGreaterThan(0);
    expect(retryableByStatus(status).every(Boolean)).toBe(true);
  });
  test.each([400, 401, 402, 403, 404, 409, 413, 415, 422])('no %i code is retryable', status => {
    expect(retryableByStatus(status).length).toBeGreaterThan(0);
    expect(retryableByStatus(status).some(Boolean)).toBe(false);
  });
  test('statuses retried for unknown codes are exactly the retryable ones', () => {
    expect(retryableStatuses).toEqual([429, 500, 502, 503, 504]);
  });
  test('moderation failures are never retryable', () => {
    const moderation = [
      'prompt_rejected',
      'input_image_rejected',
      'input_video_rejected',
      'input_audio_rejected',
      'output_rejected',
      'face_detected',
    ] as const;
    expect(moderation.map(c => failureCatalogue[c].retryable)).toEqual(moderation.map(() => false));
  });
});
