/** A wall-clock time in some time zone (what Ruby's `Time#localtime` + strftime see). */
export interface ZonedTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError for a zone name Intl does not know. */
export function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at `epochMs`. */
export function zonedTime(epochMs: number, timeZone: string): ZonedTime {
  const ms = Math.floor(epochMs / 1000) * 1000;
  const wall = new Date(ms + offsetAt(ms, timeZone));
  return {
    year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(),
    hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds(),
  };
}

const DAY = 86_400_000;

/** The day of the wall clock in `timeZone` at `epochMs`, counted from 1970-01-01 (zonedTime's date, as one number). */
export function wallDay(epochMs: number, timeZone: string): number {
  const ms = Math.floor(epochMs / 1000) * 1000;
  return Math.floor((ms + offsetAt(ms, timeZone)) / DAY);
}

/** Per zone, per UTC day: the offset at the day's start (zones change a few times a year at most). */
const dayStarts = new Map<string, Map<number, number>>();

/**
 * The offsets at the start of UTC days that were asked of Intl, for `timeZone`: kept between
 * builds (the site cache), since a build over ten years of posts asks ~3,650 of them (~50 ms).
 * Tagged by the time-zone data of this Node.js (TZ_DATA): another version may know other rules.
 */
export interface ZoneDays {
  readonly tzData: string;
  /** [UTC day since 1970-01-01, offset in ms], ascending by day. */
  readonly days: ReadonlyArray<readonly [number, number]>;
}

/** The version of the time-zone rules Intl applies. */
export const TZ_DATA = `icu ${process.versions.icu ?? '?'} tz ${process.versions.tz ?? '?'}`;

export function knownZoneDays(timeZone: string): ZoneDays {
  const zone = dayStarts.get(timeZone);
  return { tzData: TZ_DATA, days: zone ? [...zone].sort((a, b) => a[0] - b[0]) : [] };
}

/** Takes in offsets known from an earlier build; those of other time-zone data are ignored. */
export function learnZoneDays(timeZone: string, known: ZoneDays): void {
  if (known.tzData !== TZ_DATA) return;
  let zone = dayStarts.get(timeZone);
  if (!zone) dayStarts.set(timeZone, (zone = new Map()));
  for (const [day, offset] of known.days) if (!zone.has(day)) zone.set(day, offset);
}

/** How many day offsets are known for `timeZone` (whether a build learnt new ones). */
export const zoneDayCount = (timeZone: string): number => dayStarts.get(timeZone)?.size ?? 0;

/**
 * How far `timeZone`'s wall clock is ahead of UTC at `epochMs` (whole seconds), in ms. Intl's
 * formatToParts is slow: it is asked about twice per UTC day (once per build: see ZoneDays), and
 * again per instant only on a day when the zone's offset changes.
 */
function offsetAt(epochMs: number, timeZone: string): number {
  let zone = dayStarts.get(timeZone);
  if (!zone) dayStarts.set(timeZone, (zone = new Map()));
  const day = Math.floor(epochMs / DAY);
  const start = dayStart(zone, day, timeZone);
  return start === dayStart(zone, day + 1, timeZone) ? start : formattedOffset(epochMs, timeZone);
}

function dayStart(zone: Map<number, number>, day: number, timeZone: string): number {
  let offset = zone.get(day);
  if (offset === undefined) {
    offset = formattedOffset(day * DAY, timeZone);
    if (zone.size > 100_000) zone.clear();
    zone.set(day, offset);
  }
  return offset;
}

function formattedOffset(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wallMs = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return wallMs - Math.floor(epochMs / 1000) * 1000;
}

const DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d*)?)?)?[ \t]*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$/;

/**
 * A front matter date the way Jekyll reads it (YAML timestamp, or Ruby `Time.parse` of a
 * string, then `localtime`): an explicit zone or `Z` is an instant; a bare date or date-time
 * is a wall clock in the site's zone — except a plain (unquoted) YAML timestamp without a zone,
 * which YAML defines as UTC. Returns undefined for what it cannot read.
 */
export function parseFrontMatterDate(text: string, plainYaml: boolean, timeZone: string): ZonedTime | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) {
    // Formats Ruby's Time.parse also takes ("Feb 4 2022 21:32 +0800"): trust the JS parser.
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : zonedTime(ms, timeZone);
  }
  const [, y, mo, d, h, mi, s, zone] = m;
  const wall: ZonedTime = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0) };
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > 31 || wall.hour > 23 || wall.minute > 59 || wall.second > 60) return undefined;
  const utcMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  if (zone !== undefined) return zonedTime(utcMs - offsetMinutes(zone) * 60_000, timeZone);
  if (h !== undefined && plainYaml) return zonedTime(utcMs, timeZone);
  return wall;
}

function offsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') return 0;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}
