import { createHash } from 'node:crypto';
import type { SiteModel, SitePost } from '../site-model.js';

/**
 * The search keys of the site's posts. A key names everything a post's search record is made
 * from (`basis` — format, version, time zone — then its file, digest and page): a changed post
 * gets a new key, and is a new post to the index.
 */
export interface PostKeys {
  /** Every post's key: in date order, or, with the build's changes known, the last build's keys still live, then the new ones. */
  readonly keys: readonly string[];
  /** Every post's key in date order (oldest first), as an index started afresh numbers them. */
  inDateOrder(): readonly string[];
  postOf(key: string): SitePost | undefined;
}

/**
 * `lastKeys`: the keys of the last build's index, when it was made from the same basis. With
 * the build's changes known, unchanged posts keep their keys from it, and only changed posts
 * are hashed; the others are hashed only when the index needs their posts (a merge of
 * segments), newest first, as far as needed.
 */
export function postKeys(model: SiteModel, basis: readonly string[], lastKeys: readonly string[] | undefined): PostKeys {
  // 96 bits: a key only tells one post's record from another's, and every build reads and
  // writes 100k of them (the whole hash would be 27 characters).
  const keyOf = (p: SitePost): string => createHash('sha1').update(JSON.stringify([...basis, p.file, p.digest, p.outPath])).digest('base64url').slice(0, 16);
  let all: Map<string, SitePost> | undefined;
  const everyKey = (): Map<string, SitePost> => (all ??= new Map([...model.posts].reverse().map((p) => [keyOf(p), p])));
  const changes = model.changes;
  if (!changes || !lastKeys) {
    const keys = [...everyKey().keys()];
    return { keys, inDateOrder: () => keys, postOf: (k) => everyKey().get(k) };
  }
  const gone = new Set(changes.before.map(keyOf));
  const added = new Map([...changes.now].reverse().map((p) => [keyOf(p), p]));
  const seen = new Map<string, SitePost>();
  let next = 0;
  return {
    keys: [...lastKeys.filter((k) => k && !gone.has(k)), ...added.keys()],
    inDateOrder: () => [...everyKey().keys()],
    postOf(k) {
      if (!k) return undefined; // a removed post's number
      let p = added.get(k) ?? all?.get(k) ?? seen.get(k);
      while (!p && !all && next < model.posts.length) {
        const q = model.posts[next++]!;
        const key = keyOf(q);
        seen.set(key, q);
        if (key === k) p = q;
      }
      return p;
    },
  };
}
