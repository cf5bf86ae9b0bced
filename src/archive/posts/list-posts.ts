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
  const out: PostFile[] = [];
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
      else if (e.isFile() && POST_FILE.test(e.name)) {
        const st = lstatSync(join(root, childRel));
        out.push({ path: childRel, size: st.size, mtime: Math.trunc(st.mtimeMs) });
      }
    }
  };
  for (const dir of POST_ROOTS) walk(dir);
  return out;
}
