import { findDuplicates, type DuplicateGroup } from '../import/find-duplicates.js';
import { checkPost } from './check-post.js';
import type { Finding } from './kinds.js';
import { readTreePosts } from './read-posts.js';

export interface Diagnosis {
  readonly root: string;
  /** Post files found (readable or not). */
  readonly posts: number;
  readonly findings: readonly Finding[];
  readonly duplicates: readonly DuplicateGroup[];
  /** Leftovers of a killed writer (removed by `--fix --write`). */
  readonly tempFiles: readonly string[];
}

export interface DiagnoseOptions {
  readonly now?: number;
  /** Called after each post, for a progress line. */
  readonly onPost?: (done: number, total: number) => void;
}

/**
 * Checks every post of an archive (`_posts/` and `archived/`) without changing anything.
 * Memory stays flat: a post's text is dropped once checked; only findings and links stay.
 */
export function diagnoseArchive(root: string, options: DiagnoseOptions = {}): Diagnosis {
  const now = options.now ?? Date.now();
  const { tree, findings, identities } = readTreePosts(root, (path, text) => checkPost(path, text, now), options.onPost);
  const duplicates = findDuplicates(identities);
  for (const g of duplicates) {
    for (const path of g.remove) findings.push({ kind: 'duplicate', path, detail: `same link as ${g.keep}` });
  }
  return { root, posts: tree.posts.length, findings, duplicates, tempFiles: tree.tempFiles };
}
