import type { SiteChanges, SiteModel, SitePost } from './site-model.js';

/** Newest first, as the model lists posts: by date, then by file. */
function isOlder(a: SitePost, than: SitePost): boolean {
  return a.post.date < than.post.date || (a.post.date === than.post.date && a.file < than.file);
}

/** The changed posts that are or were in a list: now (current versions) and in the last build. */
export interface ListChange {
  readonly now: SitePost[];
  readonly before: SitePost[];
}

/** Groups the changes by the lists they touch; `listsOf` names a post's lists (folders). */
export function changesByList(changes: SiteChanges, listsOf: (p: SitePost) => Iterable<string>): Map<string, ListChange> {
  const out = new Map<string, ListChange>();
  const entry = (folder: string): ListChange => {
    let e = out.get(folder);
    if (!e) out.set(folder, (e = { now: [], before: [] }));
    return e;
  };
  for (const p of changes.now) for (const f of new Set(listsOf(p))) entry(f).now.push(p);
  for (const p of changes.before) for (const f of new Set(listsOf(p))) entry(f).before.push(p);
  return out;
}

/** How much of a list (newest first) is as the last build showed it: see writePagedList. */
export interface ListScope {
  /** Its oldest posts up to here are the same posts, in the same order, as in the last build. */
  readonly unchangedOldest: number;
  /** How many posts it had in the last build. */
  readonly lengthBefore: number;
}

/**
 * The scope of a list's changes: every post older than its oldest changed post (as it is or
 * as it was) is untouched. A list the changes do not touch is untouched throughout.
 */
export function listScope(list: readonly SitePost[], change: ListChange | undefined): ListScope {
  if (!change) return { unchangedOldest: list.length, lengthBefore: list.length };
  let oldest: SitePost | undefined;
  for (const p of [...change.now, ...change.before]) if (!oldest || isOlder(p, oldest)) oldest = p;
  // Lists are sorted, and changed posts are not older than the oldest: they are all above it.
  let newer = 0;
  while (newer < list.length && oldest && !isOlder(list[newer]!, oldest)) newer++;
  return { unchangedOldest: list.length - newer, lengthBefore: list.length - change.now.length + change.before.length };
}

/**
 * Post pages to render again, in one list of neighbours (a source, newest first): its changed
 * posts, and the nearest unchanged post on either side of each changed post's place, as it is
 * and as it was (their previous/next links show it).
 */
export function touchedNeighbours(list: readonly SitePost[], change: ListChange, files: ReadonlySet<string>, into: Set<SitePost>): void {
  const markAround = (at: number): void => {
    // `at`: the first index of the older side.
    for (let i = at - 1; i >= 0; i--) if (!files.has(list[i]!.file)) { into.add(list[i]!); break; }
    for (let i = at; i < list.length; i++) if (!files.has(list[i]!.file)) { into.add(list[i]!); break; }
  };
  for (const p of change.now) {
    const i = list.indexOf(p);
    into.add(p);
    markAround(i);
  }
  for (const b of change.before) {
    let at = 0;
    while (at < list.length && !isOlder(list[at]!, b)) at++;
    markAround(at);
  }
}

/**
 * The scope of each list's changes in this build, by folder (see listScope); undefined for
 * every list when the build checks every page.
 */
export function listScopes(model: SiteModel, listsOf: (p: SitePost) => Iterable<string>): (folder: string, list: readonly SitePost[]) => ListScope | undefined {
  const changes = model.changes;
  if (!changes) return () => undefined;
  const byList = changesByList(changes, listsOf);
  return (folder, list) => listScope(list, byList.get(folder));
}
