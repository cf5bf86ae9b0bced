import { readFileSync, rmSync } from 'node:fs';
import { writeFileAtomic } from '../atomic-write.js';
import type { DuplicateGroup } from './find-duplicates.js';
import { parseFrontMatter, quotedList, setFrontMatterKeys } from './front-matter-keys.js';
import { insideArchive } from './inside-archive.js';
import { publishedUrl, type UrlRules } from './post-url.js';

export interface MergeReport {
  /** Groups merged (one post left each). */
  readonly merged: number;
  /** Files deleted, relative to the archive. */
  readonly removed: readonly string[];
  /** Each old URL and the post that now answers it (through its `redirect_from:`). */
  readonly redirects: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  /** Groups left alone, as `path: reason`. */
  readonly problems: readonly string[];
}

/**
 * Leaves one post per duplicate group. Every removed post's URL goes into the kept post's
 * front matter as `redirect_from:` (the jekyll-redirect-from convention: a page at each old
 * URL that sends readers to the kept post), so no shared link breaks.
 *
 * Order makes a kill at any point harmless: the kept post is rewritten (atomically) before
 * any copy is deleted, and a rerun finds the rest of the group and adds the same URLs again
 * (the list is a set).
 */
export async function mergeDuplicates(root: string, groups: readonly DuplicateGroup[], rules: UrlRules): Promise<MergeReport> {
  const removed: string[] = [];
  const redirects: Array<{ from: string; to: string }> = [];
  const problems: string[] = [];
  let merged = 0;
  for (const group of groups) {
    const keepFile = insideArchive(root, group.keep);
    let keepText: string;
    const others: Array<{ path: string; text: string }> = [];
    try {
      keepText = readFileSync(keepFile, 'utf8');
      for (const path of group.remove) others.push({ path, text: readFileSync(insideArchive(root, path), 'utf8') });
    } catch (err) {
      problems.push(`${group.keep}: duplicates not merged (${(err as Error).message.split('\n')[0]})`);
      continue;
    }
    const keepUrl = publishedUrl(keepText, group.keep, rules);
    const existing = redirectList(keepText);
    const urls = new Set(existing);
    for (const o of others) {
      for (const u of [publishedUrl(o.text, o.path, rules), ...redirectList(o.text)]) {
        if (u && u !== keepUrl) urls.add(u);
      }
    }
    const list = [...urls];
    if (list.length !== existing.length) {
      const updated = setFrontMatterKeys(keepText, { redirect_from: quotedList(list) });
      if (updated === undefined) {
        problems.push(`${group.keep}: duplicates not merged (no front matter to record the old URLs in)`);
        continue;
      }
      writeFileAtomic(keepFile, updated);
    }
    for (const o of others) {
      rmSync(insideArchive(root, o.path), { force: true });
      removed.push(o.path);
    }
    for (const u of list.slice(existing.length)) redirects.push({ from: u, to: group.keep });
    merged++;
  }
  return { merged, removed, redirects, problems };
}

/** A post's `redirect_from:` (a string or a list), as strings. */
export function redirectList(text: string): string[] {
  const value = parseFrontMatter(text)?.redirect_from;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}
