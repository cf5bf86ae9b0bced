import { zonedTime } from '../zoned-time.js';

const DAY = 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');
/** Per zone, per UTC day: the zone's offset that whole day, or NaN when it changes that day. */
const offsets = new Map<string, Map<number, number>>();

/**
 * What a list shows of a post's date: its month (key `2022-02`, heading `2022年2月`) and
 * `MM-DD`, in the site's zone; the same as display-date.ts's `monthOf` and `displayMonthDay`.
 * Lists show every post several times (home, source, archive…): Intl's formatToParts is called
 * about twice per UTC day instead of for every post.
 */
export function listDate(epochMs: number, timeZone: string): { key: string; label: string; monthDay: string } {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const day = Math.floor(epochMs / DAY);
  let offset = zone.get(day);
  if (offset === undefined) {
    const start = offsetAt(day * DAY, timeZone);
    offset = start === offsetAt((day + 1) * DAY, timeZone) ? start : NaN;
    zone.set(day, offset);
  }
  let y: number, m: number, d: number;
  if (Number.isNaN(offset)) {
    const z = zonedTime(epochMs, timeZone);
    [y, m, d] = [z.year, z.month, z.day];
  } else {
    const local = new Date(epochMs + offset);
    [y, m, d] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
  }
  return { key: `${y}-${pad(m)}`, label: `${y}年${m}月`, monthDay: `${pad(m)}-${pad(d)}` };
}

function offsetAt(epochMs: number, timeZone: string): number {
  const z = zonedTime(epochMs, timeZone);
  return Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second) - epochMs;
}
