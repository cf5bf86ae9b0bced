import { findDuplicates, type DuplicateGroup, type PostIdentity } from '../import/find-duplicates.js';
import { readPostText } from '../import/read-post-text.js';
import { scanPostTree } from '../import/scan-tree.js';
import { checkFileNames } from './check-names.js';
import { checkPost } from './check-post.js';
import type { Finding } from './kinds.js';

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
  const tree = scanPostTree(root);
  const findings: Finding[] = tree.findings.map((f) => ({ kind: f.kind, path: f.path, detail: f.detail }));
  findings.push(...checkFileNames(tree.posts.map((p) => p.path)));
  const identities: PostIdentity[] = [];
  tree.posts.forEach((file, i) => {
    const read = readPostText(root, file);
    if (!read.ok) findings.push({ kind: read.kind, path: file.path, detail: read.detail });
    else {
      const check = checkPost(file.path, read.text, now);
      findings.push(...check.findings);
      identities.push({ path: file.path, link: check.post.link, date: check.post.date });
    }
    options.onPost?.(i + 1, tree.posts.length);
  });
  const duplicates = findDuplicates(identities);
  for (const g of duplicates) {
    for (const path of g.remove) findings.push({ kind: 'duplicate', path, detail: `same link as ${g.keep}` });
  }
  return { root, posts: tree.posts.length, findings, duplicates, tempFiles: tree.tempFiles };
}
