import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The cut-down legacy mirror (see README.md beside this file). */
export const LEGACY = fileURLToPath(new URL('./legacy/', import.meta.url));
/** The four full fixture mirrors, when ../shared is there (not on a fresh clone). */
export const SHARED_POSTS = fileURLToPath(new URL('../../../../shared/fixtures/posts/', import.meta.url));
export const MIRRORS = ['society', 'teahouse', 'oped2', 'waimei'] as const;
export const hasShared = existsSync(join(SHARED_POSTS, 'society'));

/**
 * Copies a mirror into a fresh temp folder. `%0A` in names becomes the raw newline the
 * legacy scripts wrote (git cannot keep those on every system, so the fixtures escape them).
 */
export function copyLegacy(from = LEGACY, prefix = 'samizdat-legacy-'): string {
  const dest = mkdtempSync(join(tmpdir(), prefix));
  const walk = (src: string, dst: string): void => {
    mkdirSync(dst, { recursive: true });
    for (const e of readdirSync(src, { withFileTypes: true })) {
      const to = join(dst, e.name.replaceAll('%0A', '\n'));
      if (e.isDirectory()) walk(join(src, e.name), to);
      else if (e.isFile()) copyFileSync(join(src, e.name), to);
    }
  };
  walk(from, dest);
  return dest;
}

/** sha1 of every post file under _posts/ and archived/ (links and dot files left out), by path. */
export function postHashes(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(join(root, rel));
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const p = `${rel}/${name}`;
      const st = lstatSync(join(root, p));
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && /\.(md|markdown|html)$/i.test(name)) out.set(p, createHash('sha1').update(readFileSync(join(root, p))).digest('hex'));
    }
  };
  for (const dir of ['_posts', 'archived']) if (existsSync(join(root, dir)) && lstatSync(join(root, dir)).isDirectory()) walk(dir);
  return out;
}

/** The multiset of content hashes, sorted: equal when no post was lost or changed, whatever the paths. */
export function hashList(hashes: Map<string, string>): string[] {
  return [...hashes.values()].sort();
}
