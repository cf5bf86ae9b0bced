import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import type { Subscription } from '../model/index.js';
import { UsageError } from '../model/index.js';

const KNOWN_KEYS = new Set(['site', 'url', 'timeout', 'encoding', 'timezone', 'headers']);
const MAX_TIMEOUT_S = 600;
const MAX_SITE = 200;

export interface LoadedSubscriptions {
  readonly subs: readonly Subscription[];
  /** Things worth telling the operator that do not stop the run (unknown keys). */
  readonly warnings: readonly string[];
}

/**
 * Reads and validates `subs.json`, the legacy list of `{"site": …, "url": …}`.
 * Every problem is one UsageError line naming the file and the entry, never a stack trace.
 * Optional per-feed keys: `timeout` (seconds), `encoding`, `timezone`, `headers`.
 */
export function loadSubscriptions(file: string): LoadedSubscriptions {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'not found (create it, e.g. [{"site": "VOA", "url": "https://…/feed.xml"}])' : `cannot read (${code})`}`, 'subs');
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    throw new UsageError(`${file}: not valid JSON (${(err as Error).message})`, 'subs');
  }
  if (!Array.isArray(data)) throw new UsageError(`${file}: expected a JSON array of {"site": …, "url": …} entries`, 'subs');

  const subs: Subscription[] = [];
  const warnings: string[] = [];
  const seen = new Map<string, number>();
  data.forEach((entry: unknown, i) => {
    const where = `${file}: entry ${i + 1}${describe(entry)}`;
    const fail = (what: string): never => {
      throw new UsageError(`${where}: ${what}`, 'subs');
    };
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) fail('expected an object with "site" and "url"');
    const e = entry as Record<string, unknown>;
    if (typeof e.site !== 'string' || !e.site.trim()) fail('missing "site" (the source name, e.g. "美国之音")');
    if (typeof e.url !== 'string' || !e.url.trim()) fail('missing "url"');
    const url = parseHttpUrl(e.url as string) ?? fail(`"url" is not an absolute http(s) URL: ${JSON.stringify(e.url)}`);
    const dup = seen.get(url);
    if (dup !== undefined) fail(`duplicate "url" (same as entry ${dup}): ${url}`);
    seen.set(url, i + 1);

    const site = cleanSiteName(e.site as string);
    if (!site) fail('"site" has no visible characters');
    if (site !== e.site) warnings.push(`${where}: "site" cleaned to ${JSON.stringify(site.slice(0, 60))} (control characters, extra spaces, over ${MAX_SITE} characters)`);
    const sub: { -readonly [K in keyof Subscription]: Subscription[K] } = { site, url };
    if (e.timeout !== undefined) {
      if (typeof e.timeout !== 'number' || !(e.timeout > 0) || e.timeout > MAX_TIMEOUT_S) fail(`"timeout" must be a number of seconds between 0 and ${MAX_TIMEOUT_S}`);
      sub.timeoutMs = Math.round((e.timeout as number) * 1000);
    }
    if (e.encoding !== undefined) {
      if (typeof e.encoding !== 'string' || !iconv.encodingExists(e.encoding)) fail(`unknown "encoding": ${JSON.stringify(e.encoding)}`);
      sub.encoding = e.encoding as string;
    }
    if (e.timezone !== undefined) {
      if (typeof e.timezone !== 'string' || !isTimeZone(e.timezone)) fail(`unknown "timezone": ${JSON.stringify(e.timezone)} (use an IANA name such as "Asia/Shanghai")`);
      sub.timezone = e.timezone as string;
    }
    if (e.headers !== undefined) {
      const h = e.headers;
      if (!h || typeof h !== 'object' || Array.isArray(h) || Object.values(h).some((v) => typeof v !== 'string')) fail('"headers" must be an object of strings');
      sub.headers = { ...(h as Record<string, string>) };
    }
    const unknown = Object.keys(e).filter((k) => !KNOWN_KEYS.has(k));
    if (unknown.length) warnings.push(`${where}: ignoring unknown ${unknown.map((k) => JSON.stringify(k)).join(', ')}`);
    subs.push(Object.freeze(sub));
  });
  return { subs: Object.freeze(subs), warnings };
}

/** The source name goes into every post's tags and the site's menus: one line, no control characters, capped. */
function cleanSiteName(raw: string): string {
  const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]|\p{Cs}/gu, ' ').replace(/\s+/g, ' ').trim();
  return Array.from(clean).slice(0, MAX_SITE).join('');
}

function parseHttpUrl(raw: string): string | undefined {
  try {
    const u = new URL(raw.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function describe(entry: unknown): string {
  // JSON-quoted and short, so a hostile name cannot break the one-line message.
  if (entry && typeof entry === 'object' && 'site' in entry && typeof entry.site === 'string') return ` (${JSON.stringify(Array.from(entry.site).slice(0, 40).join(''))})`;
  return '';
}
