import { SamizdatError } from '../model/index.js';

/**
 * Offsets (minutes east of UTC) of the zone names feeds write after a time.
 * `CST` is China Standard Time (UTC+8), not US Central: samizdat follows Chinese sources,
 * whose servers print `CST` for Beijing time (Java's `Date.toString()`, PHP, nginx). US
 * Central is still reachable as `CDT` or the two-letter `CT`.
 * Military letters follow RFC 822 as written (A = −1 … M = −12, N = +1 … Y = +12, Z = 0).
 */
const NAMED_ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, 'ETC/GMT': 0, 'ETC/UTC': 0, WET: 0,
  EST: -300, EDT: -240, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AT: -240, ET: -300, CT: -360, MT: -420, PT: -480, AST: -240, ADT: -180,
  AKST: -540, AKDT: -480, HST: -600, NST: -210, NDT: -150,
  CST: 480, HKT: 480, SGT: 480, MYT: 480, PHT: 480, AWST: 480, CCT: 480,
  JST: 540, KST: 540, ACST: 570, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
  BST: 60, CET: 60, MET: 60, WEST: 60, CEST: 120, MEST: 120, MESZ: 120, MEZ: 60,
  EET: 120, EEST: 180, MSK: 180, IST: 330, ICT: 420, WIB: 420,
};

for (let i = 0; i < 12; i++) {
  NAMED_ZONES[String.fromCharCode(65 + i + (i >= 9 ? 1 : 0))] = -60 * (i + 1); // A..I, K..M
  NAMED_ZONES[String.fromCharCode(78 + i)] = 60 * (i + 1); // N..Y
}

/** Offset in minutes for a zone name, or undefined if unknown. */
export function namedZoneOffset(name: string): number | undefined {
  return NAMED_ZONES[name.toUpperCase()];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let fmt = formatters.get(timeZone);
  if (fmt === undefined) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
      });
    } catch {
      throw new SamizdatError('content', 'bad-timezone', `content: unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, fmt);
  }
  return fmt;
}

/** Offset (minutes east of UTC) of an IANA zone at an instant, from Intl's zone data. */
function offsetAt(timeZone: string, utcMs: number): number {
  const parts = formatterFor(timeZone).formatToParts(utcMs);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  let year = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') year = 1 - year;
  const asUtc = utcFromFields(year, get('month'), get('day'), get('hour'), get('minute'), get('second'), 0);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/**
 * The instant at which the wall-clock time `localMs` (fields read as if UTC) happens in
 * `timeZone`. Two passes settle DST: the offset is taken at the first guess, then again at
 * the corrected instant; a wall time skipped by a DST jump lands on the later offset.
 */
export function zonedToUtc(localMs: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return localMs;
  const first = offsetAt(timeZone, localMs);
  const guess = localMs - first * 60000;
  const second = offsetAt(timeZone, guess);
  return second === first ? guess : localMs - second * 60000;
}

/** Date.UTC that also works for years 0–99 (which Date.UTC maps to 1900–1999). */
export function utcFromFields(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  if (y >= 100) return Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  date.setUTCFullYear(y);
  return date.getTime();
}
