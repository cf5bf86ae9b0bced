import { describe, expect, it } from 'vitest';
import { formatRetryAfter, parseRetryAfter } from './retry-after.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-02-01T10:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Sat, 01 Feb 2025 10:05:00 GMT', now)).toBe(300_000);
  });

  it('a date in the past means now, not a negative wait', () => {
    expect(parseRetryAfter('Sat, 01 Feb 2025 09:00:00 GMT', now)).toBe(0);
  });

  it.each([undefined, '', 'soon', '-5', '1.5'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });

  it('formats whole seconds, rounding up', () => {
    expect(formatRetryAfter(120_000)).toBe('120 s');
    expect(formatRetryAfter(1)).toBe('1 s');
  });
});
