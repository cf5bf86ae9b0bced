import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TEMP_PREFIX } from '../atomic-write.js';

export interface PostFile {
  /** Relative to the archive root, forward slashes (`_posts/…`, `archived/2020-08-10/…`). */
  readonly path: string;
  readonly size: number;
  readonly mtime: number;
}

/** Folders Jekyll mirrors keep posts in: `_posts/` and the legacy `archived/YYYY-MM-DD/`. */
export const POST_ROOTS = ['_posts', 'archived'] as const;
const POST_FILE = /\.(md|markdown|html)$/i;

/**
 * Every post file under the post roots. Symbolic links are skipped (a link could point
 * outside the archive), as are dot files and our own temp files.
 */
export function listPostFiles(root: string, skipped: string[] = []): PostFile[] {
  const paths = listPostPaths(root, skipped);
  const out: PostFile[] = [];
  for (const path of paths) {
    const st = statPost(root, path);
    if (st) out.push({ path, ...st });
  }
  return out;
}

/** The paths of listPostFiles, without a stat of each file (most of the time of a large listing). */
export function listPostPaths(root: string, skipped: string[] = []): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.startsWith(TEMP_PREFIX)) continue;
      const childRel = `${rel}/${e.name}`;
      if (e.isSymbolicLink()) skipped.push(`${childRel}: symbolic link, not followed`);
      else if (e.isDirectory()) walk(childRel);
      else if (e.isFile() && POST_FILE.test(e.name)) out.push(childRel);
    }
  };
  for (const dir of POST_ROOTS) walk(dir);
  return out;
}

/** Size and whole-ms mtime of a listed post; undefined when it is gone since (removed while listing). */
export function statPost(root: string, path: string): { size: number; mtime: number } | undefined {
  // (Not path.join: its normalizing cost a sixth of the stat of 100k long paths; `path` is clean.)
  const st = lstatSync(`${root}/${path}`, { throwIfNoEntry: false });
  return st ? { size: st.size, mtime: Math.trunc(st.mtimeMs) } : undefined;
}
