import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { TEMP_PREFIX } from '../atomic-write.js';
import { POST_ROOTS } from '../posts/list-posts.js';

export interface TreeFile {
  /** Relative to the archive root, forward slashes. */
  readonly path: string;
  readonly size: number;
}

/** Something in a legacy tree that is not taken as a post (reported, never followed or read). */
export interface TreeFinding {
  readonly kind: 'symlink' | 'not-a-post';
  readonly path: string;
  readonly detail: string;
}

export interface ScannedTree {
  readonly posts: readonly TreeFile[];
  readonly findings: readonly TreeFinding[];
  /** Regular files in post folders that are not posts (images …): reported, copied by import. */
  readonly others: readonly TreeFile[];
  /** Our own temp files left by a killed run (removed by writers, skipped by readers). */
  readonly tempFiles: readonly string[];
}

const POST_FILE = /\.(md|markdown|html)$/i;

/**
 * Every post file under `_posts/` and `archived/`, walked with lstat so that no symbolic
 * link is ever followed (not even a post folder that is itself a link): a legacy tree is
 * not trusted to stay inside itself. Other files (images, binaries) are reported.
 */
export function scanPostTree(root: string): ScannedTree {
  const posts: TreeFile[] = [];
  const findings: TreeFinding[] = [];
  const tempFiles: string[] = [];
  const others: TreeFile[] = [];
  const walk = (rel: string, st: Stats): void => {
    if (st.isSymbolicLink()) {
      findings.push({ kind: 'symlink', path: rel, detail: 'symbolic link, not followed' });
      return;
    }
    if (!st.isDirectory()) return;
    let names: string[];
    try {
      names = readdirSync(join(root, rel));
    } catch (err) {
      findings.push({ kind: 'not-a-post', path: rel, detail: `cannot list (${(err as NodeJS.ErrnoException).code})` });
      return;
    }
    for (const name of names.sort()) {
      const childRel = `${rel}/${name}`;
      if (name.startsWith(TEMP_PREFIX)) {
        tempFiles.push(childRel);
        continue;
      }
      if (name.startsWith('.')) continue;
      let child: Stats;
      try {
        child = lstatSync(join(root, childRel));
      } catch {
        continue;
      }
      if (child.isSymbolicLink()) findings.push({ kind: 'symlink', path: childRel, detail: 'symbolic link, not followed' });
      else if (child.isDirectory()) walk(childRel, child);
      else if (!child.isFile()) findings.push({ kind: 'not-a-post', path: childRel, detail: 'not a regular file' });
      else if (POST_FILE.test(name)) posts.push({ path: childRel, size: child.size });
      else {
        findings.push({ kind: 'not-a-post', path: childRel, detail: `not a post (${child.size} bytes), left as is` });
        others.push({ path: childRel, size: child.size });
      }
    }
  };
  for (const dir of POST_ROOTS) {
    let st: Stats;
    try {
      st = lstatSync(join(root, dir));
    } catch {
      continue;
    }
    walk(dir, st);
  }
  return { posts, findings, others, tempFiles };
}
