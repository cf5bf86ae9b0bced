import type { SitePost } from './site-model.js';

/**
 * Whose page each URL is when several posts have it: the last post by date, then file (as
 * Jekyll, whose later post overwrites the earlier's page).
 */
export interface UrlOwners {
  /** Whether `p`'s page is its own (no later post has its URL). */
  wins(p: SitePost): boolean;
  /** The post whose page is at `url`, for a URL that was checked (any, without suspects). */
  ownerOf(url: string): SitePost | undefined;
  /** The URLs several posts have. */
  readonly shared: readonly string[];
  /** The files of the posts that share a URL. */
  readonly collided: readonly string[];
}

/**
 * The owners of the URLs of `sorted` (oldest first); each post that loses its URL to a later one
 * adds a warning. `suspects`: the only URLs that can be shared (those shared at the last build,
 * those of posts added, changed or removed since); the others are not looked at.
 *
 * A map of 100k URLs, hashed each, took 70–90 ms of an hourly build at 100k posts. With suspects,
 * a post is looked up only when a number made of its URL's length and next-to-last character
 * is a suspect's: most are told apart by that, without hashing their URL.
 */
export function urlOwners(sorted: readonly SitePost[], warnings: string[], suspects?: ReadonlySet<string>): UrlOwners {
  const owners = new Map<string, SitePost>();
  const losers = new Set<SitePost>();
  const shared = new Set<string>();
  const collided: string[] = [];
  const check = (p: SitePost): void => {
    const earlier = owners.get(p.url);
    if (earlier) {
      warnings.push(`${earlier.file}: same URL ${p.url} as ${p.file}, which replaces it`);
      collided.push(earlier.file, p.file);
      shared.add(p.url);
      losers.add(earlier);
    }
    owners.set(p.url, p);
  };
  if (suspects) {
    const probe = (url: string): number => url.length * 0x10000 + (url.charCodeAt(url.length - 2) || 0);
    const probes = new Set<number>();
    for (const url of suspects) probes.add(probe(url));
    for (const p of sorted) if (probes.has(probe(p.url)) && suspects.has(p.url)) check(p);
  } else for (const p of sorted) check(p);
  return { wins: (p) => !losers.has(p), ownerOf: (url) => owners.get(url), shared: [...shared], collided };
}
