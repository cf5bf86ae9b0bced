import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSiteConfig, type SiteConfig } from '../../config/load-site-config.js';
import { loadSubscriptions } from '../../config/load-subscriptions.js';
import { legacyUrlKey } from '../dedup-keys.js';
import { writeFileAtomic } from '../atomic-write.js';

/** The files of a legacy mirror root that samizdat uses, besides the posts. */
export const LEGACY_FILES = ['_config.yml', 'subs.json', 'allurls.dat'] as const;

export type FileState = 'file' | 'missing' | 'symlink' | 'other';

export function fileState(path: string): FileState {
  try {
    const st = lstatSync(path);
    return st.isSymbolicLink() ? 'symlink' : st.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

export type SubsCheck = { readonly feeds: number; readonly warnings: readonly string[] } | { readonly error: string } | null;
export type ConfigCheck = { readonly config: SiteConfig; readonly error?: string };

/** `subs.json` validated the way `fetch` reads it; null when there is none. */
export function checkSubs(root: string): SubsCheck {
  const file = join(root, 'subs.json');
  if (fileState(file) !== 'file') return null;
  try {
    const { subs, warnings } = loadSubscriptions(file);
    return { feeds: subs.length, warnings };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** `_config.yml` as samizdat reads it (permalink, timezone …); defaults with the error when broken. */
export function checkConfig(root: string): ConfigCheck {
  const file = join(root, '_config.yml');
  if (fileState(file) !== 'file') return { config: {} };
  try {
    const config = loadSiteConfig(file);
    if (config.timezone) new Intl.DateTimeFormat('en', { timeZone: config.timezone });
    return { config };
  } catch (err) {
    return { config: {}, error: err instanceof RangeError ? `${file}: unknown timezone` : (err as Error).message };
  }
}

/** URLs an `allurls.dat` lists (each one marks an article as archived). */
export function countLegacyUrls(root: string): number {
  const file = join(root, 'allurls.dat');
  if (fileState(file) !== 'file') return 0;
  let n = 0;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) if (legacyUrlKey(line.trim())) n++;
  return n;
}

/** Makes sure git leaves the index and the built site out (`.samizdat/`, `_site/`). */
export async function ensureGitignore(root: string): Promise<boolean> {
  const file = join(root, '.gitignore');
  const state = fileState(file);
  if (state !== 'file' && state !== 'missing') return false;
  const text = state === 'file' ? readFileSync(file, 'utf8') : '';
  const lines = new Set(text.split(/\r?\n/).map((l) => l.trim().replace(/^\//, '').replace(/\/$/, '')));
  const missing = ['.samizdat/', '_site/'].filter((l) => !lines.has(l.replace(/\/$/, '')));
  if (missing.length === 0) return false;
  writeFileAtomic(file, `${text}${text && !text.endsWith('\n') ? '\n' : ''}${missing.join('\n')}\n`);
  return true;
}
