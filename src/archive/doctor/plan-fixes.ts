import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { safeTitle } from '../posts/file-name.js';
import { doubleQuoted } from '../posts/yaml-scalars.js';
import { setFrontMatterKeys } from '../import/front-matter-keys.js';
import { publishedUrl, type UrlRules } from '../import/post-url.js';
import { readPostText } from '../import/read-post-text.js';
import { scanPostTree } from '../import/scan-tree.js';
import { nameProblem } from './check-names.js';
import type { Diagnosis } from './diagnose-archive.js';
import { isFixable, type Kind } from './kinds.js';
import { repairPost } from './repair-post.js';

export interface FixAction {
  readonly path: string;
  /** Set when the file is renamed (same folder). */
  readonly newPath?: string;
  /** The new content (written at the old name first, then renamed). */
  readonly text: string;
  /** False when only the name changes (the content is written as it is). */
  readonly rewrite: boolean;
  readonly kinds: readonly Kind[];
  /** The URL the post keeps through a `permalink:` it did not have. */
  readonly keptUrl?: string;
}

export interface FixPlan {
  readonly actions: readonly FixAction[];
  /** Fixable problems left alone, as `path: why`. */
  readonly skipped: readonly string[];
}

const REWRITE: ReadonlySet<Kind> = new Set(['yaml-invalid', 'yaml-roundtrip', 'epoch-nan', 'epoch-missing', 'liquid', 'unsafe-html']);

/**
 * What `doctor --fix` would change. A post is rewritten with formatPost when its format is
 * broken, renamed (in its folder) when its name breaks a checkout, and in both cases keeps
 * its published URL: when the new file would get another URL, the old one goes into its
 * front matter as `permalink:` (Jekyll honours a per-post permalink).
 */
export function planFixes(root: string, diagnosis: Diagnosis, rules: UrlRules): FixPlan {
  const byPath = new Map<string, Set<Kind>>();
  for (const f of diagnosis.findings) {
    if (!isFixable(f.kind)) continue;
    const kinds = byPath.get(f.path) ?? new Set<Kind>();
    kinds.add(f.kind);
    byPath.set(f.path, kinds);
  }
  const taken = new Set(scanPostTree(root).posts.map((p) => fold(p.path)));
  const actions: FixAction[] = [];
  const skipped: string[] = [];
  for (const [path, kinds] of byPath) {
    const read = readPostText(root, { path, size: sizeOf(root, path) });
    if (!read.ok) {
      skipped.push(`${path}: not fixed (${read.detail})`);
      continue;
    }
    let text = read.text;
    if ([...kinds].some((k) => REWRITE.has(k))) {
      const repaired = repairPost(text, path, kinds.has('unsafe-html'));
      if (repaired === undefined) skipped.push(`${path}: not rewritten (no date to write)`);
      else text = repaired;
    }
    let newPath: string | undefined;
    if (kinds.has('bad-file-name') || kinds.has('case-collision')) {
      const folderProblem = path.split('/').slice(1, -1).map(nameProblem).find(Boolean);
      if (folderProblem) skipped.push(`${path}: not renamed (the folder's name is the problem: ${folderProblem})`);
      else {
        newPath = freeName(path, taken);
        taken.add(fold(newPath));
      }
    }
    let keptUrl: string | undefined;
    const oldUrl = publishedUrl(read.text, path, rules);
    if (oldUrl !== undefined && publishedUrl(text, newPath ?? path, rules) !== oldUrl) {
      const withPermalink = setFrontMatterKeys(text, { permalink: doubleQuoted(oldUrl) });
      if (withPermalink === undefined) {
        skipped.push(`${path}: not fixed (no front matter to keep its URL ${oldUrl} in)`);
        continue;
      }
      text = withPermalink;
      keptUrl = oldUrl;
    }
    if (text === read.text && newPath === undefined) continue;
    actions.push({ path, ...(newPath ? { newPath } : {}), text, rewrite: text !== read.text, kinds: [...kinds], ...(keptUrl ? { keptUrl } : {}) });
  }
  return { actions, skipped };
}

/** A safe name in the same folder, not taken by another file ignoring case. */
function freeName(path: string, taken: ReadonlySet<string>): string {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash);
  const name = path.slice(slash + 1);
  const ext = /\.(md|markdown|html)$/i.exec(name)?.[0] ?? '.md';
  const stem = name.slice(0, -ext.length);
  const dated = /^(\d{4}-\d{2}-\d{2})-([\s\S]*)$/.exec(stem);
  const base = dated ? `${dated[1]}-${safeTitle(dated[2]!)}` : safeTitle(stem);
  for (let n = 1; ; n++) {
    const candidate = `${dir}/${n === 1 ? base : `${base}-${n}`}${ext}`;
    if (!taken.has(fold(candidate))) return candidate;
  }
}

function sizeOf(root: string, path: string): number {
  try {
    return lstatSync(join(root, path)).size;
  } catch {
    return 0;
  }
}

function fold(path: string): string {
  return path.normalize('NFC').toLowerCase();
}
