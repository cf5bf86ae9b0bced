import { describe, expect, it } from 'vitest';
import { jittered, parseDuration } from '../../src/cli/run-schedule.js';
import { UsageError } from '../../src/model/index.js';

describe('run --every durations', () => {
  it('reads d/h/m/s and their combinations', () => {
    expect(parseDuration('--every', '15m')).toBe(15 * 60_000);
    expect(parseDuration('--every', '1h')).toBe(3_600_000);
    expect(parseDuration('--every', '1h30m')).toBe(90 * 60_000);
    expect(parseDuration('--every', '90s')).toBe(90_000);
    expect(parseDuration('--every', '1d')).toBe(86_400_000);
  });

  it('refuses what is not a duration, or outside 1s..7d', () => {
    for (const bad of ['', '60', 'soon', '1x', '0s', '8d', '-5m', '1.5h', 'm']) {
      expect(() => parseDuration('--every', bad), bad).toThrow(UsageError);
    }
  });

  it('jitters by at most ±10%', () => {
    expect(jittered(60_000, () => 0)).toBe(54_000);
    expect(jittered(60_000, () => 1)).toBe(66_000);
    expect(jittered(60_000, () => 0.5)).toBe(60_000);
    for (let i = 0; i < 100; i++) {
      const ms = jittered(3_600_000);
      expect(ms).toBeGreaterThanOrEqual(3_240_000);
      expect(ms).toBeLessThanOrEqual(3_960_000);
    }
  });
});
