import { linkSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Hard-links every `.md` post of `from` into `to`, so each competitor reads the same files. Returns the count. */
export function linkPosts(from, to) {
  mkdirSync(to, { recursive: true });
  let n = 0;
  for (const name of readdirSync(from)) {
    if (!name.endsWith('.md')) continue;
    linkSync(join(from, name), join(to, name));
    n++;
  }
  return n;
}
