import { normalizeUrl } from '../content/urls.js';
import { UsageError } from '../model/index.js';
import type { SubsEntry } from './save-subscriptions.js';
import { youtubeFeedKey } from './youtube-feed.js';

/**
 * When two feed URLs name the same feed: the normal form of article links (host case, default
 * port, fragment, tracking parameters), and also http = https and a trailing slash ignored
 * (sites answer both the same), and a YouTube channel = its uploads playlist.
 */
export function feedUrlKey(url: string): string {
  const youtube = youtubeFeedKey(url);
  if (youtube) return youtube;
  const normal = normalizeUrl(url) || url.trim();
  const queryAt = normal.includes('?') ? normal.indexOf('?') : normal.length;
  const path = normal.slice(0, queryAt).replace(/^https?:\/\//i, '//').replace(/\/$/, '');
  return path + normal.slice(queryAt);
}

/** The entry already subscribed to `url` (after normalisation), if any. */
export function findDuplicate(entries: readonly SubsEntry[], url: string): SubsEntry | undefined {
  const key = feedUrlKey(url);
  return entries.find((e) => typeof e.url === 'string' && feedUrlKey(e.url) === key);
}

/**
 * The index of the entry `target` names: its URL exactly, else its URL after normalisation,
 * else its site name. A site name shared by several feeds is refused with the list of their URLs.
 */
export function findEntryToRemove(entries: readonly SubsEntry[], target: string, file: string): number {
  const wanted = target.trim();
  const exact = entries.findIndex((e) => e.url === wanted);
  if (exact >= 0) return exact;
  const key = feedUrlKey(wanted);
  const byUrl = entries.findIndex((e) => typeof e.url === 'string' && feedUrlKey(e.url) === key);
  if (byUrl >= 0 && /^https?:\/\//i.test(wanted)) return byUrl;
  const bySite = entries.flatMap((e, i) => (typeof e.site === 'string' && e.site.trim() === wanted ? [i] : []));
  if (bySite.length === 1) return bySite[0]!;
  if (bySite.length > 1) {
    const urls = bySite.map((i) => String(entries[i]!.url)).join(', ');
    throw new UsageError(`subs rm: ${bySite.length} feeds are named ${JSON.stringify(wanted)} in ${file}: ${urls}; give the URL of the one to remove`);
  }
  throw new UsageError(`subs rm: no feed with URL or site ${JSON.stringify(wanted)} in ${file} (samizdat subs ls lists them)`);
}

export interface Merged {
  readonly entries: readonly SubsEntry[];
  readonly added: readonly SubsEntry[];
  /** Feeds left out because subs.json (or an earlier one in the list) has them already. */
  readonly duplicates: readonly { site: string; url: string; existing: SubsEntry }[];
}

/** Appends the feeds not subscribed yet (by `feedUrlKey`), in order; existing entries are untouched. */
export function mergeFeeds(entries: readonly SubsEntry[], feeds: readonly { site: string; url: string }[]): Merged {
  const all = [...entries];
  const added: SubsEntry[] = [];
  const duplicates: Merged['duplicates'][number][] = [];
  for (const f of feeds) {
    const existing = findDuplicate(all, f.url);
    if (existing) {
      duplicates.push({ ...f, existing });
      continue;
    }
    const entry = { site: f.site, url: f.url };
    all.push(entry);
    added.push(entry);
  }
  return { entries: all, added, duplicates };
}
