import { displayText } from '../display-text.js';
import type { SitePost } from '../site-model.js';
import { sourcePath } from '../source-path.js';
import type { CountEntry } from './count-list.js';

/** Posts that share an output folder: a source, a category, a tag or a month. */
export interface PostGroup {
  /** Output folder, relative to the output root, ending in '/'. */
  readonly folder: string;
  /** The name shown: the most used spelling among the names that share the folder. */
  readonly name: string;
  /** Newest first. */
  readonly posts: readonly SitePost[];
}

/**
 * Groups newest-first posts by folder, keeping their order. `keys` gives a post's names (its
 * source, categories…); names whose folders coincide (`BBC`, `bbc`) are one group.
 */
export function groupPosts(
  posts: readonly SitePost[],
  keys: (p: SitePost) => readonly string[],
  folderOf: (name: string) => string,
): PostGroup[] {
  const folders = new Map<string, string>();
  const groups = new Map<string, { posts: SitePost[]; names: Map<string, number> }>();
  for (const p of posts) {
    const names = keys(p);
    for (let i = 0; i < names.length; i++) {
      const raw = names[i]!;
      if (names.indexOf(raw) !== i) continue; // a name twice: once (most posts have one or two, a Set per post costs more)
      let folder = folders.get(raw);
      if (folder === undefined) folders.set(raw, (folder = folderOf(raw)));
      let g = groups.get(folder);
      if (!g) groups.set(folder, (g = { posts: [], names: new Map() }));
      if (g.posts[g.posts.length - 1] !== p) g.posts.push(p);
      g.names.set(raw, (g.names.get(raw) ?? 0) + 1);
    }
  }
  return [...groups].map(([folder, g]) => ({ folder, name: displayName(g.names), posts: g.posts }));
}

/**
 * groupPosts for one key per post whose folder is the key's alone (months, say), made for the
 * common case of posts that come grouped: no array per post, a map lookup only where the key
 * changes (a 100k-post archive has ~120 months).
 */
export function groupRuns(posts: readonly SitePost[], key: (p: SitePost) => string, folderOf: (key: string) => string): PostGroup[] {
  const groups = new Map<string, SitePost[]>();
  let last: string | undefined;
  let run: SitePost[] = [];
  for (const p of posts) {
    const k = key(p);
    if (k !== last) {
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      run = g;
      last = k;
    }
    run.push(p);
  }
  return [...groups].map(([k, list]) => ({ folder: folderOf(k), name: shownName(k), posts: list }));
}

function displayName(names: Map<string, number>): string {
  let best = '';
  let most = -1;
  for (const [name, n] of names) if (n > most) [best, most] = [name, n];
  return shownName(best);
}

/** A group's name as lists show it: its display text, or a placeholder for a blank name. */
const shownName = (raw: string): string => displayText(raw) || '（未命名）';

const sourceCache = new WeakMap<readonly SitePost[], readonly PostGroup[]>();

/** Sources: one group per `sourcePath` folder, largest first (computed once per post list). */
export function sourceGroups(posts: readonly SitePost[]): readonly PostGroup[] {
  let groups = sourceCache.get(posts);
  if (!groups) sourceCache.set(posts, (groups = groupPosts(posts, (p) => [p.post.site], sourcePath).sort(byCount)));
  return groups;
}

/** Every source with its post count, linking to its list: the home page's summary. */
export function sourceCounts(posts: readonly SitePost[]): CountEntry[] {
  return sourceGroups(posts).map((g) => ({ name: g.name, file: `${g.folder}index.html`, count: g.posts.length }));
}

/** Whether every post of a list has a source and no category but it (asked once per list: 100k posts). */
const sourcesOnly = new WeakMap<readonly SitePost[], boolean>();

/** Categories as the front matter lists them (extra categories, then the source). */
export function categoriesOf(p: SitePost): string[] {
  const extra = p.post.categories;
  // Most posts have none: one small array, not three, per post and build.
  if (!extra?.length) return p.post.site.trim() ? [p.post.site] : [];
  return [...extra, p.post.site].filter((c) => c.trim() !== '');
}

/** Tags: the post model keeps the first front matter tag only, which is the source. */
export function tagsOf(p: SitePost): string[] {
  return p.post.site.trim() ? [p.post.site] : [];
}

/**
 * The categories (`kind` 'categories') or tags of the posts as groups, largest first. When every
 * post has a source and no category but it (the legacy mirrors' posts and samizdat's own), both
 * are the sources under another folder: the source groups are reused, not made again from 100k
 * posts (an hourly build's category and tag pages took 40–55 ms at 100k, nearly all of it that).
 */
export function taxonomyGroups(posts: readonly SitePost[], kind: 'categories' | 'tags'): PostGroup[] {
  let asSources = sourcesOnly.get(posts);
  if (asSources === undefined) sourcesOnly.set(posts, (asSources = posts.every((p) => !p.post.categories?.length && p.post.site.trim() !== '')));
  if (asSources) return sourceGroups(posts).map((g) => ({ ...g, folder: `${kind}/${g.folder.slice('sources/'.length)}` }));
  return kind === 'categories' ? groupPosts(posts, categoriesOf, categoryPath).sort(byCount) : groupPosts(posts, tagsOf, tagPath).sort(byCount);
}

/** `categories/<slug>/` and `tags/<slug>/`, slugged as source folders are. */
export const categoryPath = (name: string): string => sourcePath(name).replace(/^sources\//, 'categories/');
export const tagPath = (name: string): string => sourcePath(name).replace(/^sources\//, 'tags/');

/** Largest first, then by name: the order of count lists. */
export function byCount(a: PostGroup, b: PostGroup): number {
  return b.posts.length - a.posts.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
