import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dedupKeys, legacyUrlKey } from '../dedup-keys.js';
import { listPostFiles, type PostFile } from '../posts/list-posts.js';
import { readPost } from '../posts/read-post.js';
import { lenientUtf8Text } from '../posts/utf8-text.js';
import type { IndexDb } from './index-db.js';

export interface SyncReport {
  readonly files: readonly PostFile[];
  readonly added: number;
  readonly removed: number;
  readonly legacyUrls: number;
  /** Files that could not be indexed, as `path: reason`. */
  readonly skipped: readonly string[];
}

/** Posts larger than this are not read (a legacy archive may hold anything). */
const MAX_POST_BYTES = 16 * 1024 * 1024;

/**
 * Brings the index in line with the files: posts added or changed since the last run
 * (by git pull, by hand, or because `.samizdat/` was deleted) are read and their keys
 * indexed; rows of deleted files are dropped. Only new or changed files are read, so a
 * run on an unchanged archive costs one directory walk.
 */
export function syncIndex(root: string, db: IndexDb): SyncReport {
  const skipped: string[] = [];
  const files = listPostFiles(root, skipped);
  const known = db.postStats();
  let added = 0;
  let removed = 0;
  db.transaction(() => {
    for (const f of files) {
      const prev = known.get(f.path);
      known.delete(f.path);
      if (prev && prev.size === f.size && prev.mtime === f.mtime) continue;
      if (f.size > MAX_POST_BYTES) {
        skipped.push(`${f.path}: ${f.size} bytes, larger than ${MAX_POST_BYTES}; not indexed`);
        continue;
      }
      const bytes = readFileSync(join(root, f.path));
      const { post } = readPost(lenientUtf8Text(bytes), f.path);
      if (prev) db.removePost(f.path);
      const keys = dedupKeys(post);
      db.addPost(
        {
          path: f.path, link: post.link, ...(post.guid ? { guid: post.guid } : {}), site: post.site,
          title: post.title, date: post.date, hash: createHash('sha1').update(bytes).digest('hex'),
          size: f.size, mtime: f.mtime,
        },
        keys,
      );
      added++;
    }
    for (const path of known.keys()) {
      db.removePost(path, { tombstone: true });
      removed++;
    }
  });
  return { files, added, removed, legacyUrls: syncLegacyUrls(root, db), skipped };
}

/** A legacy `allurls.dat` (one URL per line) marks those URLs as archived. */
function syncLegacyUrls(root: string, db: IndexDb): number {
  const file = join(root, 'allurls.dat');
  if (!existsSync(file)) return 0;
  const st = statSync(file);
  const stamp = `${st.size}:${Math.trunc(st.mtimeMs)}`;
  if (db.meta('allurls.dat') === stamp) return 0;
  const keys = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => legacyUrlKey(line.trim()))
    .filter((k): k is string => k !== undefined);
  db.transaction(() => {
    db.addKeys(keys, '');
    db.setMeta('allurls.dat', stamp);
  });
  return keys.length;
}
