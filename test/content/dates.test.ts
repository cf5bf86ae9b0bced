import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../src/content/dates.js';
import { SamizdatError } from '../../src/model/index.js';

const utc = (iso: string) => Date.parse(iso);

describe('parseFeedDate', () => {
  it('RFC 822/1123 with numeric and named zones', () => {
    expect(parseFeedDate('Fri, 04 Feb 2022 21:32:23 +0800')).toBe(utc('2022-02-04T13:32:23Z'));
    expect(parseFeedDate('Fri, 04 Feb 2022 13:32:23 GMT')).toBe(utc('2022-02-04T13:32:23Z'));
    expect(parseFeedDate('04 Feb 2022 13:32 UT')).toBe(utc('2022-02-04T13:32:00Z'));
    expect(parseFeedDate('Fri, 4 Feb 22 08:32:23 EST')).toBe(utc('2022-02-04T13:32:23Z'));
    expect(parseFeedDate('Mon, 04 Jul 2022 05:00:00 PDT')).toBe(utc('2022-07-04T12:00:00Z'));
    expect(parseFeedDate('Fri, 04 Feb 2022 13:32:23 Z')).toBe(utc('2022-02-04T13:32:23Z'));
    expect(parseFeedDate('Fri, 04 Feb 2022 12:32:23 A')).toBe(utc('2022-02-04T13:32:23Z')); // military, RFC 822
  });

  it('CST is China Standard Time (UTC+8), not US Central', () => {
    expect(parseFeedDate('Fri, 04 Feb 2022 21:32:23 CST')).toBe(utc('2022-02-04T13:32:23Z'));
    expect(parseFeedDate('Fri Feb 04 21:32:23 CST 2022')).toBe(utc('2022-02-04T13:32:23Z')); // Java Date.toString
    expect(parseFeedDate('Fri, 04 Feb 2022 21:32:23 CST', { timeZone: 'America/Chicago' })).toBe(utc('2022-02-04T13:32:23Z'));
  });

  it('RFC 3339 / ISO 8601 forms', () => {
    expect(parseFeedDate('2022-02-04T21:32:23+08:00')).toBe(utc('2022-02-04T13:32:23Z'));
    expect(parseFeedDate('2022-02-04T21:32:23.456+0800')).toBe(utc('2022-02-04T13:32:23.456Z'));
    expect(parseFeedDate('2022-02-04T13:32Z')).toBe(utc('2022-02-04T13:32:00Z'));
    expect(parseFeedDate('20220204T133223Z')).toBe(utc('2022-02-04T13:32:23Z'));
    expect(parseFeedDate('2022-02-04', { timeZone: 'UTC' })).toBe(utc('2022-02-04T00:00:00Z'));
  });

  it('the forms Chinese sites emit, read in Asia/Shanghai when they carry no zone', () => {
    const expected = utc('2022-02-04T13:32:00Z');
    expect(parseFeedDate('2022-02-04 21:32:23')).toBe(utc('2022-02-04T13:32:23Z'));
    expect(parseFeedDate('2022/2/4 21:32')).toBe(expected);
    expect(parseFeedDate('2022年2月4日 21:32')).toBe(expected);
    expect(parseFeedDate('2022年02月04日')).toBe(utc('2022-02-03T16:00:00Z'));
    expect(parseFeedDate('2022-2-4')).toBe(utc('2022-02-03T16:00:00Z'));
    expect(parseFeedDate('２０２２年２月４日 下午９:３２')).toBe(expected); // full-width digits, PM
    expect(parseFeedDate('2022年2月4日 星期五 21时32分')).toBe(expected);
  });

  it('a zone-less date follows the given zone, DST included', () => {
    // New York is UTC-5 in winter and UTC-4 in summer.
    expect(parseFeedDate('2022-01-15 12:00:00', { timeZone: 'America/New_York' })).toBe(utc('2022-01-15T17:00:00Z'));
    expect(parseFeedDate('2022-07-15 12:00:00', { timeZone: 'America/New_York' })).toBe(utc('2022-07-15T16:00:00Z'));
    // Around the spring change (2022-03-13 02:00 → 03:00): both sides are right.
    expect(parseFeedDate('2022-03-13 01:30', { timeZone: 'America/New_York' })).toBe(utc('2022-03-13T06:30:00Z'));
    expect(parseFeedDate('2022-03-13 03:30', { timeZone: 'America/New_York' })).toBe(utc('2022-03-13T07:30:00Z'));
    // Asia/Shanghai had DST in 1986–1991: summer 1988 was UTC+9.
    expect(parseFeedDate('1988-07-01 12:00')).toBe(utc('1988-07-01T03:00:00Z'));
    expect(parseFeedDate('2022-07-01 12:00')).toBe(utc('2022-07-01T04:00:00Z'));
  });

  it('returns undefined for what is not a date', () => {
    for (const bad of ['', '   ', 'yesterday', 'Sun, 99 Jun 2009 12:00:00 GMT', '2022-13-01', '2022-02-30', '2013-01-28T09:xx:00Z', 'NaN']) {
      expect(parseFeedDate(bad), bad).toBeUndefined();
    }
  });

  it('an unknown time zone is a SamizdatError, not a wrong date', () => {
    expect(() => parseFeedDate('2022-02-04 12:00', { timeZone: 'Mars/Olympus' })).toThrow(SamizdatError);
  });

  it("feedparser's date strings: all but one pass (zone-less read as UTC, to the second)", () => {
    const cases = JSON.parse(readFileSync(new URL('../testdata/feed/date-strings.json', import.meta.url), 'utf8')) as {
      input: string;
      expected_utc: string | null;
    }[];
    const failing = cases.filter((c) => {
      const got = parseFeedDate(c.input, { timeZone: 'UTC' });
      const want = c.expected_utc === null ? undefined : utc(c.expected_utc);
      return (got === undefined ? undefined : Math.floor(got / 1000) * 1000) !== want;
    });
    // '03335' (2-digit year + ordinal day) is not read: it would clash with '22013', which
    // must stay unparsed.
    expect(failing.map((c) => c.input)).toEqual(['03335']);
    expect(cases).toHaveLength(72);
  });
});
