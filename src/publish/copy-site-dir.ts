import { existsSync, readdirSync, statSync } from 'node:fs';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { TEMP_PREFIX } from '../archive/atomic-write.js';
import { UsageError } from '../model/index.js';

const NEW = '.samizdat-new-';
const OLD = '.samizdat-old-';

/**
 * Puts a copy of the built site at `target` (a folder a web server serves), swapping it in
 * whole: the copy goes to a temp sibling, the old folder is renamed away, the copy renamed
 * in, the old one deleted. A reader sees the old site or the new one, never half of each
 * (except for the instant between the two renames, when the folder is missing). A folder that
 * holds something other than a site is refused rather than replaced.
 */
export async function copySiteDir(siteDir: string, target: string, archiveDir: string): Promise<void> {
  const to = resolve(target);
  const from = resolve(siteDir);
  if (inside(to, from) || inside(from, to) || inside(archiveDir, to)) {
    throw new UsageError(`publish: --site-dir ${to} overlaps the site (${from}) or the archive; choose a folder outside both`);
  }
  if (existsSync(to)) {
    if (!statSync(to).isDirectory()) throw new UsageError(`publish: --site-dir ${to} is a file, not a folder`);
    const entries = readdirSync(to);
    if (entries.length > 0 && !entries.includes('index.html')) {
      throw new UsageError(`publish: --site-dir ${to} is not empty and holds no index.html; refusing to replace it`);
    }
  }
  await mkdir(dirname(to), { recursive: true });
  await removeLeftovers(to);
  const fresh = `${to}${NEW}${process.pid}`;
  const old = `${to}${OLD}${process.pid}`;
  // (Temp files a build killed while writing left behind are not part of the site.)
  await cp(from, fresh, { recursive: true, errorOnExist: false, force: true, filter: (src) => !basename(src).startsWith(TEMP_PREFIX) });
  if (existsSync(to)) await rename(to, old);
  await rename(fresh, to);
  await rm(old, { recursive: true, force: true });
}

/** True when `child` is `parent` or lies under it. */
function inside(child: string, parent: string): boolean {
  const rel = relative(resolve(parent), resolve(child));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Temp siblings of a copy that was killed half way. */
async function removeLeftovers(to: string): Promise<void> {
  const prefix = basename(to);
  let names: string[];
  try {
    names = readdirSync(dirname(to));
  } catch {
    return;
  }
  for (const n of names) {
    if (n.startsWith(prefix + NEW) || n.startsWith(prefix + OLD)) await rm(join(dirname(to), n), { recursive: true, force: true });
  }
}
