import { wallDay, zonedTime } from '../zoned-time.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * What a list shows of a post's date: its month (key `2022-02`, heading `2022年2月`) and
 * `MM-DD`, in the site's zone; the same as display-date.ts's `monthOf` and `displayMonthDay`.
 */
export function listDate(epochMs: number, timeZone: string): { key: string; label: string; monthDay: string } {
  const { year: y, month: m, day: d } = zonedTime(epochMs, timeZone);
  return { key: `${y}-${pad(m)}`, label: `${y}年${m}月`, monthDay: `${pad(m)}-${pad(d)}` };
}

/** Month keys by wall-clock day: a list of 100k posts makes one string per month, not per post. */
const monthKeys = new Map<number, string>();

/** listDate(epochMs, timeZone).key, without the rest. */
export function monthKey(epochMs: number, timeZone: string): string {
  const day = wallDay(epochMs, timeZone);
  let key = monthKeys.get(day);
  if (key === undefined) {
    const d = new Date(day * 86_400_000);
    monthKeys.set(day, (key = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`));
  }
  return key;
}
