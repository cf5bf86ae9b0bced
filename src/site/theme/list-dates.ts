import { zonedTime } from '../zoned-time.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * What a list shows of a post's date: its month (key `2022-02`, heading `2022年2月`) and
 * `MM-DD`, in the site's zone; the same as display-date.ts's `monthOf` and `displayMonthDay`.
 */
export function listDate(epochMs: number, timeZone: string): { key: string; label: string; monthDay: string } {
  const { year: y, month: m, day: d } = zonedTime(epochMs, timeZone);
  return { key: `${y}-${pad(m)}`, label: `${y}年${m}月`, monthDay: `${pad(m)}-${pad(d)}` };
}
