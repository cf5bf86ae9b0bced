import { namedZoneOffset, utcFromFields, zonedToUtc } from './date-zones.js';
import { isWeekday, monthOf } from './date-words.js';

/**
 * Feed dates → epoch ms. Never `Date.parse` on the input: it reads `CST` as US Central and
 * guesses at everything else. Accepted, with the rules that matter for Chinese sources:
 *
 * - RFC 822/1123/2822 (`Fri, 04 Feb 2022 21:32:23 +0800`), with or without weekday and
 *   seconds, 2-digit years (< 50 → 20xx), named zones (see date-zones.ts: `CST` = UTC+8),
 *   `GMT+08:00`, military letters; also asctime, JavaScript `Date.toString()` and
 *   Java `Date.toString()` (`Fri Feb 04 21:32:23 CST 2022`) orders.
 * - RFC 3339 / ISO 8601 (`2022-02-04T21:32:23.5+08:00`, `+0800`, `Z`, no seconds, date only,
 *   year-month, basic `20220204T213223Z`).
 * - What Chinese sites emit: `2022-02-04 21:32:23`, `2022/2/4 21:32`, `2022年2月4日 21:32`,
 *   `2022年02月04日`, `2022-2-4`, full-width digits, 上午/下午.
 * - A date with no zone is wall-clock time in `timeZone` (default Asia/Shanghai), DST
 *   included. Korean forms (년월일, 오전/오후) are read in Asia/Seoul: a Korean date is Korean time.
 *
 * Returns undefined when the text is not a date we can read with certainty.
 */
export function parseFeedDate(raw: string, options?: { timeZone?: string }): number | undefined {
  const meridiem = { value: '' };
  const text = normalize(raw, meridiem);
  if (text === '') return undefined;
  const f = parseIsoLike(text) ?? parseWords(text, meridiem);
  if (f === undefined) return undefined;
  if (meridiem.value === 'pm' && f.h < 12) f.h += 12;
  else if (meridiem.value === 'am' && f.h === 12) f.h = 0;
  if (!valid(f)) return undefined;
  const local = utcFromFields(f.y, f.mo, f.d, f.h, f.mi, Math.min(f.s, 59), f.ms);
  if (f.offset !== undefined) return local - f.offset * 60000;
  const zone = /[\uAC00-\uD7AF]/.test(raw) ? 'Asia/Seoul' : (options?.timeZone ?? 'Asia/Shanghai');
  return zonedToUtc(local, zone);
}

interface Fields {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  /** Minutes east of UTC; undefined when the text names no zone. */
  offset?: number;
}

function normalize(raw: string, meridiem: { value: string }): string {
  let s = raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\([^)]*\)\s*$/, '') // "(China Standard Time)" after a JS Date string
    .trim();
  s = s.replace(/上午|오전|\b(?:a\.m\.|am)(?=\s|$)/i, () => ((meridiem.value = 'am'), ' '));
  s = s.replace(/下午|晚上|오후|\b(?:p\.m\.|pm)(?=\s|$)/i, () => ((meridiem.value = 'pm'), ' '));
  s = s
    .replace(/(?:星期|周|週)[一二三四五六日天]|[월화수목금토일]요일/g, ' ')
    .replace(/\s*[年년]\s*/g, '-')
    .replace(/\s*[月월]\s*/g, '-')
    .replace(/\s*[日일号]\s*/g, ' ')
    .replace(/(\d)\s*[时時시]\s*(\d)/g, '$1:$2')
    .replace(/(\d)\s*[分분]\s*(\d)/g, '$1:$2')
    .replace(/[时時시分분秒초]/g, '')
    .replace(/^(\d{4})-(\p{L}+)-/u, (m, y: string, name: string) => {
      const mo = monthOf(name);
      return mo ? `${y}-${String(mo).padStart(2, '0')}-` : m;
    });
  return s.replace(/\s+/g, ' ').trim();
}

const ISO =
  /^(\d{4})(?:([-/.])(\d{1,3})(?:\2(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?\s*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?)?)?)?$/i;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const TWO_DIGIT_YEAR = /^(\d{2})-?(\d{2})-?(\d{2})$|^-(\d{2})-?(\d{2})$/;

/** RFC 3339 / ISO 8601 and the numeric Chinese forms, all year-first. */
function parseIsoLike(s: string): Fields | undefined {
  const m = ISO.exec(s) ?? ISO_BASIC.exec(s);
  if (m) {
    if (m.length === 9) return fields(m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]); // basic
    return fields(m[1], m[3], m[4], m[5], m[6], m[7], m[8], m[9]);
  }
  const two = TWO_DIGIT_YEAR.exec(s);
  if (two) return fields(String(fullYear(two[1] ?? two[4] ?? '')), two[2] ?? two[5], two[3] ?? '1');
  return undefined;
}

function fields(y?: string, mo?: string, d?: string, h?: string, mi?: string, s?: string, frac?: string, zone?: string): Fields | undefined {
  const offset = zone === undefined ? undefined : zoneOffset(zone);
  if (offset === null) return undefined;
  return {
    y: Number(y), mo: Number(mo ?? 1), d: Number(d ?? 1), h: Number(h ?? 0), mi: Number(mi ?? 0), s: Number(s ?? 0),
    ms: frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0, offset,
  };
}

const TIME = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const DATE_TOKEN = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/;

/** RFC 822 and other word orders: each token is classified by shape, any unknown token fails. */
function parseWords(s: string, meridiem: { value: string }): Fields | undefined {
  const f: Partial<Fields> = {};
  const numbers: string[] = [];
  for (const token of s.replace(/,/g, ' ').split(' ')) {
    if (token === '') continue;
    const word = token.replace(/\.$/, '');
    if (isWeekday(word)) continue;
    const mo = monthOf(word);
    if (mo !== undefined) {
      if (f.mo !== undefined) return undefined;
      f.mo = mo;
      continue;
    }
    if (/^(?:am|pm)$/i.test(word)) {
      meridiem.value = word.toLowerCase();
      continue;
    }
    const time = TIME.exec(token);
    const date = DATE_TOKEN.exec(token);
    if (time && f.h === undefined) {
      f.h = Number(time[1]);
      f.mi = Number(time[2]);
      f.s = Number(time[3] ?? 0);
      f.ms = time[4] ? Number(time[4].slice(0, 3).padEnd(3, '0')) : 0;
      if (time[5] !== undefined) f.offset = zoneOffset(time[5]) ?? undefined;
    } else if (date && f.y === undefined) {
      f.y = Number(date[1]);
      f.mo = Number(date[2]);
      f.d = Number(date[3]);
    } else if (/^\d+$/.test(token)) {
      numbers.push(token);
    } else {
      const offset = zoneOffset(token);
      if (offset === null || f.offset !== undefined) return undefined;
      f.offset = offset;
    }
  }
  for (const n of numbers) {
    if (n.length >= 3 && n.length <= 4 && f.y === undefined) f.y = Number(n);
    else if (n.length <= 2 && f.d === undefined) f.d = Number(n);
    else if (n.length === 2 && f.y === undefined) f.y = fullYear(n);
    else return undefined;
  }
  if (f.y === undefined || f.mo === undefined || f.d === undefined) return undefined;
  return { y: f.y, mo: f.mo, d: f.d, h: f.h ?? 0, mi: f.mi ?? 0, s: f.s ?? 0, ms: f.ms ?? 0, offset: f.offset };
}

/** Minutes east of UTC for `Z`, `+08:00`, `+0800`, `GMT+8`, `CST`…; null if not a zone. */
function zoneOffset(zone: string): number | null {
  const m = /^(?:GMT|UTC|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (m) {
    const hours = Number(m[2]);
    const minutes = Number(m[3] ?? 0);
    if (hours > 23 || minutes > 59) return null;
    return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  // Zone names are written in capitals; "at" in running text is not Atlantic Time.
  if (zone !== zone.toUpperCase() && !zone.includes('/')) return null;
  return namedZoneOffset(zone) ?? null;
}

function fullYear(two: string): number {
  const n = Number(two);
  return n < 50 ? 2000 + n : 1900 + n;
}

function valid(f: Fields): boolean {
  if (!(f.y >= 1 && f.y <= 9999) || !(f.mo >= 1 && f.mo <= 12) || f.d < 1) return false;
  const daysInMonth = new Date(Date.UTC(2000, f.mo, 0)).getUTCDate() - (f.mo === 2 && !isLeap(f.y) ? 1 : 0);
  return f.d <= daysInMonth && f.h <= 23 && f.mi <= 59 && f.s <= 60;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
