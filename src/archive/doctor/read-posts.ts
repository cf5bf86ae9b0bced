import type { PostIdentity } from '../import/find-duplicates.js';
import { readPostText } from '../import/read-post-text.js';
import { scanPostTree, type ScannedTree } from '../import/scan-tree.js';
import type { Post } from '../../model/index.js';
import { checkFileNames } from './check-names.js';
import type { Finding } from './kinds.js';

export interface ReadPosts {
  readonly tree: ScannedTree;
  /** What the tree, the file names and the unreadable files got wrong, plus what `readOne` adds. */
  readonly findings: Finding[];
  /** Path, link and date of every post read: to find duplicates. */
  readonly identities: PostIdentity[];
}

/**
 * Scans an archive's post folders and reads every post once, one at a time (memory stays flat):
 * `readOne` turns a post's text into its post and findings. Shared by `doctor` and `import`.
 */
export function readTreePosts(
  root: string,
  readOne: (path: string, text: string) => { readonly post: Pick<Post, 'link' | 'date'>; readonly findings?: readonly Finding[] },
  onPost?: (done: number, total: number) => void,
): ReadPosts {
  const tree = scanPostTree(root);
  const findings: Finding[] = tree.findings.map((f) => ({ kind: f.kind, path: f.path, detail: f.detail }));
  findings.push(...checkFileNames(tree.posts.map((p) => p.path)));
  const identities: PostIdentity[] = [];
  tree.posts.forEach((file, i) => {
    const read = readPostText(root, file);
    if (!read.ok) findings.push({ kind: read.kind, path: file.path, detail: read.detail });
    else {
      const one = readOne(file.path, read.text);
      if (one.findings) findings.push(...one.findings);
      identities.push({ path: file.path, link: one.post.link, date: one.post.date });
    }
    onPost?.(i + 1, tree.posts.length);
  });
  return { tree, findings, identities };
}
