import { VERSION } from '../../version.js';
import { signature } from '../cache/signature.js';
import { themeSignature } from '../cache/theme-signature.js';
import type { SiteModel, SiteOutput, SitePost } from '../site-model.js';
import { sourceGroups } from '../theme/groups.js';
import { absoluteUrl, siteBase } from './absolute-url.js';
import { feedsCodeSignature } from './code-signature.js';
import { feedEntry, plainText, uuidUrn, type FeedChannel, type FeedEntry } from './feed-entry.js';
import { FEED_FILES } from './render-feed-files.js';

export const DEFAULT_FEED_LIMIT = 50;

interface FeedGroup {
  readonly folder: string;
  readonly title: string;
  readonly posts: SitePost[];
}

export interface FeedsReport {
  /** Feed folders (the site's and one per source). */
  readonly feeds: number;
  /** Files written (the others were fresh: same posts, settings and code as last time). */
  readonly files: number;
  /** `file: reason` for posts left out of a feed because their content could not be read. */
  readonly skipped: readonly string[];
}

/**
 * Writes Atom, RSS 2.0 and JSON Feed for the whole site (output root) and for each source (its
 * `sourcePath` folder): the newest `limit` posts of each. Item links are the site's pages when
 * `settings.absoluteBase` is known, else the original articles. Only the feeds' posts are read
 * (one feed's contents at a time), never the whole archive.
 */
export async function writeFeeds(model: SiteModel, out: SiteOutput, limit = DEFAULT_FEED_LIMIT): Promise<FeedsReport> {
  const { settings } = model;
  const base = siteBase(settings.absoluteBase);
  const siteTitle = plainText(settings.title) || 'samizdat';
  const groups = groupFeeds(model.posts, limit, siteTitle);
  const skipped: string[] = [];
  // The site feed's posts reappear in their sources' feeds: read them once.
  const cache = new Map<SitePost, string | undefined>();
  const settingsSig = JSON.stringify([settings, limit, feedsCodeSignature()]);
  let files = 0;
  for (const [i, g] of groups.entries()) {
    // A feed is made from its posts' files and URLs: when none changed, nothing is read.
    const inputs = g.posts.map((p) => `${p.file}\u0001${p.digest}\u0001${p.url}`);
    const stale = FEED_FILES.map((file) => ({ file, rel: g.folder + file, sig: signature('feed', g.folder + file, settingsSig, g.title, ...inputs) }))
      .filter((f) => !out.isFresh(f.rel, f.sig));
    if (stale.length === 0) continue;
    const entries: FeedEntry[] = [];
    const ids = new Set<string>();
    const htmls = await readContents(model, out, g.posts, i === 0 ? cache : undefined, cache, skipped);
    for (const [j, p] of g.posts.entries()) {
      const html = htmls[j];
      if (html === undefined) continue;
      let e = feedEntry(p, html, base, g.folder);
      // Two posts of one article (same link) in one feed: the later gets an id of its own.
      if (ids.has(e.id)) e = { ...e, id: uuidUrn(`${e.id}\n${p.url}`) };
      ids.add(e.id);
      entries.push(e);
    }
    const ch: FeedChannel = {
      title: g.title,
      description: i === 0 ? plainText(settings.description ?? '') : '',
      folderUrl: base ? absoluteUrl(base, g.folder) : '',
      id: base ? absoluteUrl(base, g.folder) : uuidUrn(`feed\n${siteTitle}\n${g.folder}`),
      updated: entries[0]?.date ?? 0,
      entries,
    };
    // Rendered and written on a helper thread when the build has an idle one: the feeds of a
    // few sources are megabytes.
    void out.writeAside(stale, 'feedFiles', { channel: ch, siteTitle, files: stale.map((f) => f.file) });
    files += stale.length;
  }
  return { feeds: groups.length, files, skipped };
}

/**
 * The site's feed first, then one per source folder, each holding its newest `limit` posts
 * (posts come newest first). Sources are grouped by folder, so names that share a folder
 * share a feed, named after the newest post's source. (The source groups are the pages'
 * own, made once per build: no walk of every post here.)
 */
function groupFeeds(posts: readonly SitePost[], limit: number, siteTitle: string): FeedGroup[] {
  const size = Math.max(0, Math.floor(limit));
  const site: FeedGroup = { folder: '', title: siteTitle, posts: posts.slice(0, size) };
  const sources = sourceGroups(posts).map((g): FeedGroup => {
    const name = plainText(g.posts[0]!.post.site);
    return { folder: g.folder, title: name ? `${name} – ${siteTitle}` : siteTitle, posts: g.posts.slice(0, size) };
  });
  return [site, ...sources];
}

/** The posts the feeds carry: the site's and each source's newest `limit`. */
export function feedPosts(posts: readonly SitePost[], limit = DEFAULT_FEED_LIMIT): Set<SitePost> {
  return new Set(groupFeeds(posts, limit, '').flatMap((g) => g.posts));
}

/** What a post's content in a feed is made from, besides its file: the code that makes it. */
const memoBasis = (): string => `${VERSION}\u0000${themeSignature()}\u0000${feedsCodeSignature()}`;

/** The memo of a post's content as the feeds carry it (model.html): kept between builds. */
export const feedHtmlKey = (p: SitePost): string => `feed-html\u0000${memoBasis()}\u0000${p.file}\u0000${p.digest}`;

/** Reads contents a few at a time, in order; `undefined` where a post cannot be read. */
async function readContents(
  model: SiteModel, out: SiteOutput, posts: readonly SitePost[], fill: Map<SitePost, string | undefined> | undefined,
  cache: ReadonlyMap<SitePost, string | undefined>, skipped: string[],
): Promise<(string | undefined)[]> {
  const result: (string | undefined)[] = new Array<string | undefined>(posts.length);
  const read = async (p: SitePost): Promise<string | undefined> => {
    if (cache.has(p)) return cache.get(p);
    try {
      // A source's feed rewritten for one new post carries the others as before: kept between builds.
      return await out.memo(feedHtmlKey(p), () => model.html(p));
    } catch (err) {
      skipped.push(`${p.file}: left out of the feeds (${(err as Error).message.split('\n')[0]})`);
      return undefined;
    }
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < posts.length) {
      const j = next++;
      result[j] = await read(posts[j]!);
      fill?.set(posts[j]!, result[j]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, posts.length) }, worker));
  return result;
}
