// The key in an Authorization header, and any run of FRAGMENT of its characters, is redacted.
import { describe, expect, it } from 'vitest';
import { FRAGMENT, redactor, secretOf } from '../../src/proxy/redact.ts';

const KEY = 'mg_live_7Qx9ZkP2wR4tYb8NvC3m';
const redact = redactor(KEY);

describe('redaction', () => {
  it('takes the credential after the scheme', () => {
    expect(secretOf(`Bearer ${KEY}`)).toBe(KEY);
    expect(secretOf('Basic dXNlcjpwYXNz')).toBe('dXNlcjpwYXNz');
    expect(secretOf(KEY)).toBe(KEY);
    expect([secretOf(undefined), secretOf('  ')]).toEqual([undefined, undefined]);
  });

  it('redacts the key in full, and every part of it at least FRAGMENT long, wherever it is', () => {
    expect(redact(`key ${KEY} revoked`)).toBe('key [redacted] revoked');
    expect(redact(`${KEY.slice(5, 5 + FRAGMENT)}…`)).toBe('[redacted]…');
    expect(redact(`"${KEY.slice(0, 12)}" and "${KEY.slice(-9)}"`)).toBe('"[redacted]" and "[redacted]"');
    expect(redact(`${KEY}${KEY}`)).toBe('[redacted]');
  });

  it('leaves shorter runs and other text alone', () => {
    expect(redact(`mg_test_ and ${KEY.slice(10, 10 + FRAGMENT - 1)}`)).toBe(
      `mg_test_ and ${KEY.slice(10, 10 + FRAGMENT - 1)}`,
    );
    expect(redactor(undefined)(KEY)).toBe(KEY);
  });

  it('redacts a key shorter than FRAGMENT only whole', () => {
    expect(redactor('abc')('xabcx ab')).toBe('x[redacted]x ab');
  });
});
