import { lstatSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { SamizdatError } from '../../model/index.js';

/**
 * The absolute path of `rel` inside `root`, refusing anything that could write or delete
 * outside the archive: `..` segments, absolute paths, and folders on the way that are
 * symbolic links (a legacy tree may hold `_posts -> /etc`).
 */
export function insideArchive(root: string, rel: string): string {
  const base = resolve(root);
  const file = resolve(base, rel);
  if (!file.startsWith(base + sep) || rel.split('/').some((s) => s === '..' || s === '')) {
    throw new SamizdatError('archive', 'bad-path', `archive: refusing a path outside ${base}: ${JSON.stringify(rel)}`);
  }
  const parts = rel.split('/');
  let dir = base;
  for (const part of parts.slice(0, -1)) {
    dir = join(dir, part);
    let link = false;
    try {
      link = lstatSync(dir).isSymbolicLink();
    } catch {
      // a folder not made yet: nothing to follow
    }
    if (link) throw new SamizdatError('archive', 'bad-path', `archive: refusing to go through the symbolic link ${JSON.stringify(dir)}`);
  }
  return file;
}
