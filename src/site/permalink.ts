import type { ZonedTime } from './zoned-time.js';
import { slugify } from './slugify.js';

/** Jekyll 4.3's built-in permalink styles (lib/jekyll/configuration.rb STYLE_TO_PERMALINK). */
export const PERMALINK_STYLES: Readonly<Record<string, string>> = {
  none: '/:categories/:title:output_ext',
  date: '/:categories/:year/:month/:day/:title:output_ext',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
};

/** The legacy mirrors' setting (samizdat's default; Jekyll's own default is `date`). */
export const DEFAULT_PERMALINK = '/:year-:month-:day/:title/';

/** `_config.yml` `permalink` → template: a style name, else the template itself. */
export function permalinkTemplate(setting: string | undefined): string {
  const value = setting ?? DEFAULT_PERMALINK;
  return PERMALINK_STYLES[value] ?? value;
}

/** What Jekyll's UrlDrop knows about a post. */
export interface UrlFacts {
  /** Front matter `slug`, else the file name's title part without trailing dots. */
  readonly slug: string;
  /** The file name without its extension (`2020-01-02-title`). */
  readonly basename: string;
  /** Front matter categories, in order (Jekyll lowercases and dedups them for `:categories`). */
  readonly categories: readonly string[];
  /** The post's date as a wall clock in the site's time zone. */
  readonly time: ZonedTime;
  /** `.html` for Markdown and HTML posts. */
  readonly outputExt?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Jekyll's UrlDrop placeholders (lib/jekyll/drops/url_drop.rb) for one post. */
function placeholders(f: UrlFacts): Record<string, () => string> {
  const t = f.time;
  return {
    collection: () => 'posts',
    path: () => `/${f.basename}`.replace(/\.*$/, ''),
    output_ext: () => f.outputExt ?? '.html',
    name: () => slugify(f.basename),
    title: () => slugify(f.slug, 'pretty', true),
    slug: () => slugify(f.slug),
    categories: () => [...new Set(f.categories.map((c) => c.toLowerCase()))].join('/'),
    slugified_categories: () => [...new Set(f.categories.map((c) => slugify(c)))].join('/'),
    year: () => pad(t.year, 4),
    month: () => pad(t.month),
    day: () => pad(t.day),
    hour: () => pad(t.hour),
    minute: () => pad(t.minute),
    second: () => pad(t.second),
    i_day: () => String(t.day),
    i_month: () => String(t.month),
    short_month: () => MONTHS[t.month - 1]!.slice(0, 3),
    long_month: () => MONTHS[t.month - 1]!,
    short_year: () => pad(t.year % 100),
    w_year: () => String(isoWeek(t).year),
    week: () => pad(isoWeek(t).week),
    w_day: () => String(isoWeekday(t)),
    short_day: () => DAYS[isoWeekday(t) - 1]!.slice(0, 3),
    long_day: () => DAYS[isoWeekday(t) - 1]!,
    y_day: () => pad(dayOfYear(t), 3),
  };
}

/**
 * The post's URL as Jekyll 4.3 writes it to disk (Unicode, not percent-encoded):
 * `URL#generate_url_from_drop` then `URL#sanitize_url`. Jekyll escapes each value and
 * unescapes the whole URL before writing; for the values here that round trip is the identity.
 * Throws on a placeholder Jekyll does not know, as Jekyll does.
 */
export function postUrl(template: string, facts: UrlFacts): string {
  const values = placeholders(facts);
  const generated = template.replace(/:([a-z_]+)/g, (match, name: string) => {
    // Jekyll's regexp also eats a '_' after a key ('/:month_:day'); try the name without it.
    const pool = name.endsWith('_') ? [name, name.slice(0, -1)] : [name];
    const winner = pool.find((key) => Object.hasOwn(values, key));
    if (winner === undefined) throw new Error(`permalink ${JSON.stringify(template)}: unknown placeholder :${pool.join(' or :')}`);
    return match.replace(`:${winner}`, () => values[winner]!());
  });
  return sanitizeUrl(generated);
}

/** Jekyll's `sanitize_url`: no `..` (each becomes '/'), no `./`, no repeated '/', a leading '/'. */
export function sanitizeUrl(url: string): string {
  return `/${url}`.replaceAll('..', '/').replaceAll('./', '').replace(/\/{2,}/g, '/');
}

/** The file a URL is written to, relative to the output folder (Jekyll's Document#destination). */
export function outputPath(url: string, outputExt = '.html'): string {
  const rel = url.replace(/^\/+/, '');
  if (url.endsWith('/')) return `${rel}index.html`;
  return rel.endsWith(outputExt) ? rel : `${rel}${outputExt}`;
}

function dayOfYear(t: ZonedTime): number {
  return (Date.UTC(t.year, t.month - 1, t.day) - Date.UTC(t.year, 0, 1)) / 86_400_000 + 1;
}

/** 1 = Monday … 7 = Sunday (strftime %u). */
function isoWeekday(t: ZonedTime): number {
  return ((new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay() + 6) % 7) + 1;
}

/** ISO 8601 week and week-year (strftime %V and %G). */
function isoWeek(t: ZonedTime): { year: number; week: number } {
  const d = new Date(Date.UTC(t.year, t.month - 1, t.day));
  d.setUTCDate(d.getUTCDate() + 4 - isoWeekday(t)); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const week = Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return { year, week };
}
