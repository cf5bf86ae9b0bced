import { zonedTime } from './zoned-time.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2022-02-05 05:32` in the site's zone. */
export function displayDateTime(epochMs: number, timeZone: string): string {
  const t = zonedTime(epochMs, timeZone);
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
}

/** `02-05` in the site's zone (the month heading gives the year). */
export function displayMonthDay(epochMs: number, timeZone: string): string {
  const t = zonedTime(epochMs, timeZone);
  return `${pad(t.month)}-${pad(t.day)}`;
}

/** The month a post is listed under: a sortable key and a Chinese heading (`2022年2月`). */
export function monthOf(epochMs: number, timeZone: string): { key: string; label: string } {
  const t = zonedTime(epochMs, timeZone);
  return { key: `${t.year}-${pad(t.month)}`, label: `${t.year}年${t.month}月` };
}
